"""oomlab's implementation of the part of the azure-functions package that blob, queue and HTTP v2 apps use.

The production package cannot be installed where oomlab runs (no PyPI); this one keeps its names, signatures and
behaviour for that part (docs/workers.md, "Python apps"), so a function_app.py runs under oomlab unchanged.
"""
from ._abc import Context, Out, RetryContext, TraceContext
from ._http import HttpRequest, HttpResponse
from ._queue import QueueMessage
from .blob import InputStream
from .decorators import AuthLevel, Blueprint, DataType, FunctionApp
from .decorators.core import BindingDirection

__version__ = "1.22.0+oomlab"

__all__ = [
    "AuthLevel", "BindingDirection", "Blueprint", "Context", "DataType", "FunctionApp", "HttpRequest", "HttpResponse",
    "InputStream", "Out", "QueueMessage", "RetryContext", "TraceContext",
]
