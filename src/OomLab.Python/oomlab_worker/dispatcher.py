"""The worker's side of the event stream: StartStream, then the host's requests, each answered as the production
Python worker answers it. Invocations run in a thread pool, concurrently, as production runs sync functions."""
import asyncio
import concurrent.futures
import logging
import os
import queue
import sys
import threading
import traceback
import typing
import uuid

import grpc

import FunctionRpc_pb2 as pb
import azure.functions as func

from . import bindings, indexing, memory, wire

WORKER_VERSION = "4.0.0+oomlab"
EVENT_STREAM = "/AzureFunctionsRpcMessages.FunctionRpc/EventStream"
CAPABILITIES = {
    "RawHttpBodyBytes": "true",
    "TypedDataCollection": "true",
    "RpcHttpBodyOnly": "true",
    "WorkerStatus": "true",
    "RpcHttpTriggerMetadataRemoved": "true",
    "HandlesWorkerTerminateMessage": "true",
}
_LEVELS = [(logging.CRITICAL, pb.RpcLog.Critical), (logging.ERROR, pb.RpcLog.Error), (logging.WARNING, pb.RpcLog.Warning),
           (logging.INFO, pb.RpcLog.Information), (logging.DEBUG, pb.RpcLog.Debug)]
_current = threading.local()


def _status(success: bool = True, error: typing.Optional[BaseException] = None) -> typing.Any:
    if success:
        return pb.StatusResult(status=pb.StatusResult.Success)
    return pb.StatusResult(status=pb.StatusResult.Failure, exception=_exception(error))


def _exception(error: typing.Optional[BaseException]) -> typing.Any:
    if error is None:
        return pb.RpcException(message="unknown error")
    stack = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return pb.RpcException(message=f"{type(error).__name__}: {error}", stack_trace=stack, is_user_exception=True,
                           source=getattr(type(error), "__module__", ""))


class _Pool(concurrent.futures.ThreadPoolExecutor):
    """The invocation pool: each thread it starts raises the address-space cap by one stack, so threads are not charged."""

    def _adjust_thread_count(self) -> None:  # noqa: D401 - ThreadPoolExecutor's hook
        before = len(self._threads)
        stack = memory.thread_stack_bytes()
        if before < self._max_workers:
            memory.grow(stack)
        super()._adjust_thread_count()
        if len(self._threads) == before and before < self._max_workers:
            memory.grow(-stack)


class _RpcLogHandler(logging.Handler):
    def __init__(self, dispatcher: "Dispatcher") -> None:
        super().__init__()
        self.dispatcher = dispatcher

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record) if record.exc_info is None else record.getMessage()
            invocation_id = getattr(_current, "invocation_id", None)
            level = next((rpc for threshold, rpc in _LEVELS if record.levelno >= threshold), pb.RpcLog.Trace)
            log = pb.RpcLog(level=level, message=message, category=record.name,
                            log_category=pb.RpcLog.User if invocation_id else pb.RpcLog.System)
            if invocation_id:
                log.invocation_id = invocation_id
            if record.exc_info and record.exc_info[1] is not None:
                log.exception.CopyFrom(_exception(record.exc_info[1]))
            self.dispatcher.send(pb.StreamingMessage(rpc_log=log))
        except Exception:  # noqa: BLE001 - a log that cannot be sent must not fail the function
            self.handleError(record)


class Dispatcher:
    def __init__(self, host: str, port: int, worker_id: str, request_id: str) -> None:
        self.address = f"{host}:{port}"
        self.worker_id = worker_id
        self.request_id = request_id
        self.outbox: "queue.Queue[typing.Any]" = queue.Queue()
        self.indexed: typing.Optional[typing.List[indexing.IndexedFunction]] = None
        self.functions: typing.Dict[str, indexing.IndexedFunction] = {}
        self.app_directory = os.environ.get("FUNCTIONS_APPLICATION_DIRECTORY", os.getcwd())
        count = os.environ.get("PYTHON_THREADPOOL_THREAD_COUNT")
        self.pool = _Pool(max_workers=int(count) if count and count.isdigit() and int(count) > 0 else min(32, (os.cpu_count() or 1) + 4),
                          thread_name_prefix="invocation")
        self.loop: typing.Optional[asyncio.AbstractEventLoop] = None
        self.stopping = threading.Event()

    def send(self, message: typing.Any) -> None:
        self.outbox.put(message)

    def _requests(self) -> typing.Iterator[typing.Any]:
        while True:
            message = self.outbox.get()
            if message is None:
                return
            yield message

    def run(self) -> int:
        root = logging.getLogger()
        root.setLevel(logging.INFO)
        root.addHandler(_RpcLogHandler(self))
        options = [("grpc.max_send_message_length", -1), ("grpc.max_receive_message_length", -1)]
        threading.excepthook = self._thread_failed
        with grpc.insecure_channel(self.address, options=options) as channel:
            # Raw bytes, parsed here: a payload that does not fit the memory limit fails its invocation with MemoryError,
            # where grpc's own deserialization would abort the whole stream.
            event_stream = channel.stream_stream(EVENT_STREAM, request_serializer=pb.StreamingMessage.SerializeToString,
                                                 response_deserializer=None)
            self.send(pb.StreamingMessage(request_id=self.request_id, start_stream=pb.StartStream(worker_id=self.worker_id)))
            try:
                for raw in event_stream(self._requests()):
                    message = self._parse(raw)
                    del raw
                    if message is not None and self._handle(message):
                        break
            except grpc.RpcError:
                pass  # the host is gone
            finally:
                self.pool.shutdown(wait=not self.stopping.is_set())
                self.send(None)
        return 0

    def _parse(self, raw: bytes) -> typing.Any:
        try:
            return pb.StreamingMessage.FromString(raw)
        except MemoryError as error:
            invocation_id = wire.invocation_id(raw)
            if invocation_id is None:
                raise
            error.__traceback__ = None
            response = pb.InvocationResponse(invocation_id=invocation_id, result=_status(False, error))
            self.send(pb.StreamingMessage(invocation_response=response))
            return None

    @staticmethod
    def _thread_failed(failure: typing.Any) -> None:
        """A thread of grpc's died: the stream cannot go on, so the worker ends rather than hang (exit 1, as Python's own
        unhandled MemoryError ends a program); the host restarts it."""
        threading.__excepthook__(failure)
        frames = traceback.extract_tb(failure.exc_traceback)
        if issubclass(failure.exc_type, MemoryError) and any(f"{os.sep}grpc{os.sep}" in f.filename for f in frames):
            print("MemoryError: the worker could not receive a message from the host within its memory limit "
                  f"({memory.LIMIT_VARIABLE}={memory.budget()} bytes)", file=sys.stderr, flush=True)
            os._exit(1)

    def _handle(self, message: typing.Any) -> bool:
        kind = message.WhichOneof("content")
        reply: typing.Any = None
        if kind == "worker_init_request":
            metadata = pb.WorkerMetadata(runtime_name="python", runtime_version=sys.version.split()[0],
                                         worker_version=WORKER_VERSION, worker_bitness="x64")
            reply = pb.StreamingMessage(worker_init_response=pb.WorkerInitResponse(
                capabilities=CAPABILITIES, worker_metadata=metadata, result=_status()))
            directory = message.worker_init_request.function_app_directory
            self.app_directory = directory or self.app_directory
        elif kind == "functions_metadata_request":
            reply = pb.StreamingMessage(function_metadata_response=self._index(
                message.functions_metadata_request.function_app_directory or self.app_directory))
        elif kind == "function_load_request":
            reply = pb.StreamingMessage(function_load_response=self._load(message.function_load_request))
        elif kind == "invocation_request":
            self.pool.submit(self._invoke, message.invocation_request)
        elif kind == "worker_status_request":
            reply = pb.StreamingMessage(worker_status_response=pb.WorkerStatusResponse())
        elif kind == "function_environment_reload_request":
            reload = message.function_environment_reload_request
            os.environ.update(dict(reload.environment_variables))
            reply = pb.StreamingMessage(function_environment_reload_response=pb.FunctionEnvironmentReloadResponse(
                capabilities=CAPABILITIES, result=_status()))
        elif kind == "worker_terminate":
            return True
        if reply is not None:
            reply.request_id = message.request_id
            self.send(reply)
        return False

    def _index(self, directory: str) -> typing.Any:
        try:
            self.indexed = indexing.load(directory)
        except indexing.AppError as error:
            return pb.FunctionMetadataResponse(result=pb.StatusResult(
                status=pb.StatusResult.Failure, exception=pb.RpcException(message=str(error))))
        if self.indexed is None:
            return pb.FunctionMetadataResponse(use_default_metadata_indexing=True, result=_status())
        response = pb.FunctionMetadataResponse(result=_status())
        for function in self.indexed:
            response.function_metadata_results.add(
                name=function.name, function_id=str(uuid.uuid4()), directory=function.directory,
                script_file=function.script_file, entry_point=function.name, language="python",
                raw_bindings=function.raw_bindings, properties={"worker_indexed": "True"})
        return response

    def _load(self, request: typing.Any) -> typing.Any:
        try:
            if self.indexed is None:
                self.indexed = indexing.load(request.metadata.directory or self.app_directory) or []
            found = next((f for f in self.indexed if f.name == request.metadata.name), None)
            if found is None:
                raise indexing.AppError(f"function {request.metadata.name} is not in {indexing.SCRIPT_FILE}")
            self.functions[request.function_id] = found
            if found.is_async and self.loop is None:
                self.loop = asyncio.new_event_loop()
                threading.Thread(target=self.loop.run_forever, name="asyncio", daemon=True).start()
            memory.apply(memory.budget())
            return pb.FunctionLoadResponse(function_id=request.function_id, result=_status())
        except Exception as error:  # noqa: BLE001 - the host gets the failure
            return pb.FunctionLoadResponse(function_id=request.function_id, result=_status(False, error))

    def _invoke(self, request: typing.Any) -> None:
        response = pb.InvocationResponse(invocation_id=request.invocation_id)
        _current.invocation_id = request.invocation_id
        try:
            self._run(request, response)
            response.result.status = pb.StatusResult.Success
        except BaseException as error:  # noqa: BLE001 - MemoryError included: the host records it as the function's failure
            del response.output_data[:]
            response.ClearField("return_value")
            try:
                response.result.CopyFrom(_status(False, error))
            except MemoryError:
                # Still no room for the traceback: drop the frames (and the data they hold), send the message alone.
                error.__traceback__ = None
                response.result.CopyFrom(pb.StatusResult(status=pb.StatusResult.Failure,
                                                         exception=pb.RpcException(message=f"{type(error).__name__}: {error}")))
            error.__traceback__ = None
        finally:
            _current.invocation_id = None
        self.send(pb.StreamingMessage(invocation_response=response))

    def _run(self, request: typing.Any, response: typing.Any) -> None:
        function = self.functions[request.function_id]
        inputs = {p.name: p.data for p in request.input_data}
        by_name = {b["name"]: b for b in function.bindings}
        args: typing.Dict[str, typing.Any] = {}
        outs: typing.Dict[str, func.Out] = {}
        for name in function.signature.parameters:
            annotation = function.annotations.get(name)
            binding = by_name.get(name)
            if binding is None:
                trace = request.trace_context
                args[name] = func.Context(
                    request.invocation_id, _current, function.name, function.directory,
                    func.TraceContext(trace.trace_parent, trace.trace_state, dict(trace.attributes)),
                    func.RetryContext(request.retry_context.retry_count, request.retry_context.max_retry_count))
            elif str(binding.get("direction")).upper() == "OUT":
                outs[name] = args[name] = func.Out()
            else:
                args[name] = bindings.to_parameter(binding, annotation, inputs.get(name), request.trigger_metadata)
        if function.is_async:
            assert self.loop is not None
            result = asyncio.run_coroutine_threadsafe(function.callable(**args), self.loop).result()
        else:
            result = function.callable(**args)
        args.clear()
        for name, out in outs.items():
            value = out.get()
            if value is not None:
                response.output_data.add(name=name, data=bindings.to_typed_data(pb, by_name[name], value))
        if result is not None and "$return" in by_name:
            response.return_value.CopyFrom(bindings.to_typed_data(pb, by_name["$return"], result))
