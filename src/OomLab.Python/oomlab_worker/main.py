"""Command line: the host's arguments (both the --host/--port and the --functions-* forms), or --index APPDIR."""
import argparse
import faulthandler
import signal
import sys
import typing
import urllib.parse

MISSING_DEPENDENCY = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="worker.py", description="oomlab's Python language worker")
    parser.add_argument("--index", metavar="APPDIR", help="print the app's functions as JSON and exit")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--workerId", "--functions-worker-id", dest="worker_id")
    parser.add_argument("--requestId", "--functions-request-id", dest="request_id")
    parser.add_argument("--grpcMaxMessageLength", "--functions-grpc-max-message-length", dest="max_length", type=int)
    parser.add_argument("--functions-uri", dest="uri")
    return parser


def _dependencies() -> typing.Optional[str]:
    try:
        import grpc  # noqa: F401
        import google.protobuf  # noqa: F401
        import FunctionRpc_pb2  # noqa: F401
        import FunctionRpc_pb2_grpc  # noqa: F401
    except Exception as error:  # noqa: BLE001 - ImportError, or a protobuf that rejects the generated modules (TypeError)
        return (f"{sys.executable}: {type(error).__name__}: {error} (oomlab's Python worker needs grpcio and protobuf 3, "
                "as Debian's python3-grpcio and python3-protobuf)")
    return None


def run(argv: typing.List[str]) -> int:
    args, _ = _parser().parse_known_args(argv)
    missing = _dependencies()
    if missing:
        print(missing, file=sys.stderr)
        return MISSING_DEPENDENCY
    if args.index:
        from . import indexing
        return indexing.print_index(args.index)
    host, port = args.host, args.port
    if args.uri:
        parsed = urllib.parse.urlsplit(args.uri)
        host, port = parsed.hostname or host, parsed.port or port
    if not host or not port or not args.worker_id:
        print("worker.py: --host, --port and --workerId (or --functions-uri and --functions-worker-id) are required", file=sys.stderr)
        return 2
    # SIGUSR1 prints every thread's stack to standard error (the host keeps its last lines): a stuck worker can be read.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    from .dispatcher import Dispatcher
    return Dispatcher(host, port, args.worker_id, args.request_id or "").run()
