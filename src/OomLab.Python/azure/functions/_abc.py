"""The abstract types of azure.functions that a function's signature names: Out, Context, TraceContext, RetryContext."""
import typing

T = typing.TypeVar("T")


class Out(typing.Generic[T]):
    """An output binding: the function calls set(value); the worker sends get() to the host."""

    def __init__(self) -> None:
        self.__value: typing.Optional[T] = None

    def set(self, val: T) -> None:
        self.__value = val

    def get(self) -> typing.Optional[T]:
        return self.__value


class TraceContext:
    """The invocation's W3C trace context (traceparent, tracestate, attributes)."""

    def __init__(self, trace_parent: str, trace_state: str, attributes: typing.Dict[str, str]) -> None:
        self.__trace_parent = trace_parent
        self.__trace_state = trace_state
        self.__attributes = attributes

    @property
    def trace_parent(self) -> str:
        return self.__trace_parent

    @property
    def trace_state(self) -> str:
        return self.__trace_state

    @property
    def attributes(self) -> typing.Dict[str, str]:
        return self.__attributes


class RetryContext:
    """Which try this is, of how many the host allows."""

    def __init__(self, retry_count: int, max_retry_count: int, rpc_exception: typing.Any = None) -> None:
        self.__retry_count = retry_count
        self.__max_retry_count = max_retry_count
        self.__rpc_exception = rpc_exception

    @property
    def retry_count(self) -> int:
        return self.__retry_count

    @property
    def max_retry_count(self) -> int:
        return self.__max_retry_count

    @property
    def exception(self) -> typing.Any:
        return self.__rpc_exception


class Context:
    """The invocation's context: a parameter annotated func.Context (or named context) receives it."""

    def __init__(self, invocation_id: str, thread_local_storage: typing.Any, function_name: str, function_directory: str,
                 trace_context: TraceContext, retry_context: RetryContext) -> None:
        self.__invocation_id = invocation_id
        self.__thread_local_storage = thread_local_storage
        self.__function_name = function_name
        self.__function_directory = function_directory
        self.__trace_context = trace_context
        self.__retry_context = retry_context

    @property
    def invocation_id(self) -> str:
        return self.__invocation_id

    @property
    def thread_local_storage(self) -> typing.Any:
        return self.__thread_local_storage

    @property
    def function_name(self) -> str:
        return self.__function_name

    @property
    def function_directory(self) -> str:
        return self.__function_directory

    @property
    def trace_context(self) -> TraceContext:
        return self.__trace_context

    @property
    def retry_context(self) -> RetryContext:
        return self.__retry_context
