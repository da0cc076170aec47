"""The worker's memory limit: a cap on its address space, so that a large allocation fails with MemoryError.

The host passes a byte budget (OOMLAB_PYTHON_MEMORY_LIMIT, derived from the ceiling as DOTNET_GCHeapHardLimit is for
.NET workers). The worker measures what it maps once started (interpreter, grpc, protobuf, the app) and caps its
address space at that plus the budget, plus one stack per thread the invocation pool starts. The host also sets
MALLOC_ARENA_MAX=1: per-thread malloc arenas would reserve address space that the cap counts while idle."""
import os
import resource
import threading
import typing

LIMIT_VARIABLE = "OOMLAB_PYTHON_MEMORY_LIMIT"
_lock = threading.Lock()


def mapped_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def thread_stack_bytes() -> int:
    size = threading.stack_size()
    if size:
        return size
    soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
    return soft if soft != resource.RLIM_INFINITY else 8 * 1024 * 1024


def budget() -> int:
    try:
        return max(0, int(os.environ.get(LIMIT_VARIABLE, "0")))
    except ValueError:
        return 0


def apply(budget_bytes: int) -> typing.Optional[int]:
    """Caps the address space at what is mapped now plus the budget; returns the cap, or None when there is no budget."""
    if budget_bytes <= 0:
        return None
    cap = mapped_bytes() + budget_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    return cap


def grow(extra: int) -> None:
    """Raises the cap by extra bytes (a new thread's stack), when a cap is set."""
    with _lock:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft == resource.RLIM_INFINITY:
            return
        target = soft + extra
        resource.setrlimit(resource.RLIMIT_AS, (target if hard == resource.RLIM_INFINITY else min(target, hard), hard))
