"""Indexing a v2 app as the production worker does: import function_app.py, find its one FunctionApp, list its functions."""
import importlib.util
import inspect
import json
import os
import sys
import traceback
import typing

import azure.functions as func
from azure.functions.decorators.function_app import Function, FunctionRegister

SCRIPT_FILE = os.environ.get("PYTHON_SCRIPT_FILE_NAME", "function_app.py")


class AppError(Exception):
    """function_app.py cannot be indexed; the message names the file and line."""


class IndexedFunction:
    """One function, ready to invoke: its bindings (raw JSON) and how its parameters bind."""

    def __init__(self, function: Function, directory: str) -> None:
        self.name = function.get_function_name()
        self.callable = function.get_user_function()
        self.script_file = function.function_script_file
        self.directory = directory
        self.bindings = [b.get_dict_repr() for b in function.get_bindings()]
        self.raw_bindings = function.get_raw_bindings()
        self.signature = inspect.signature(self.callable)
        try:
            hints = typing.get_type_hints(self.callable)
        except Exception:  # noqa: BLE001 - unresolvable annotations: fall back to the raw ones
            hints = {}
        self.annotations = {name: hints.get(name, p.annotation) for name, p in self.signature.parameters.items()}
        self.return_annotation = hints.get("return", self.signature.return_annotation)
        self.is_async = inspect.iscoroutinefunction(self.callable)
        self._check()
        self._defer_sdk_types()

    def _check(self) -> None:
        by_name = {b["name"]: b for b in self.bindings}
        params = set(self.signature.parameters)
        context = {n for n in params if n == "context" or self.annotations.get(n) is func.Context}
        missing = sorted(n for n in params - context if n not in by_name)
        if missing:
            raise AppError(f"{self.script_file}: cannot load the {self.name} function: the following parameters are "
                           f"declared in Python but not in the function definition: {set(missing)}")
        unbound = sorted(n for n, b in by_name.items() if n != "$return" and n not in params)
        if unbound:
            raise AppError(f"{self.script_file}: cannot load the {self.name} function: the following parameters are "
                           f"declared in the function definition but not in Python: {set(unbound)}")
        for name, binding in by_name.items():
            direction = str(binding.get("direction", "IN")).upper()
            annotation = self.annotations.get(name)
            if direction == "OUT" and name != "$return" and not _is_out(annotation):
                raise AppError(f"{self.script_file}: cannot load the {self.name} function: binding {name} is an output: "
                               f"its parameter must be annotated func.Out[T]")
            if binding.get("type") in ("blobTrigger", "blob") and direction == "IN" and annotation not in (
                    inspect.Parameter.empty, func.InputStream, bytes, str) and not is_sdk_type(annotation):
                raise AppError(f"{self.script_file}: cannot load the {self.name} function: type of {name} binding in "
                               f"function definition \"{binding.get('type')}\" does not match its Python annotation "
                               f"\"{getattr(annotation, '__name__', annotation)}\"")

    def _defer_sdk_types(self) -> None:
        """A parameter of an SDK type (blob.BlobClient) binds lazily: its binding says SupportsDeferredBinding, as the
        production worker marks it, and the host sends a reference to the blob instead of its bytes."""
        deferred = {name for name, annotation in self.annotations.items() if is_sdk_type(annotation)}
        if not deferred:
            return
        for binding in self.bindings:
            if binding["name"] in deferred:
                binding["properties"] = {"SupportsDeferredBinding": True}
        self.raw_bindings = [json.dumps(b) for b in self.bindings]

    def metadata_json(self) -> typing.Dict[str, typing.Any]:
        return {"name": self.name, "scriptFile": self.script_file, "bindings": self.bindings}


def is_sdk_type(annotation: typing.Any) -> bool:
    """An SDK type of azurefunctions-extensions-bindings-blob (blob.BlobClient), which the worker binds lazily."""
    return inspect.isclass(annotation) and getattr(annotation, "__module__", "").startswith("azurefunctions.extensions.bindings.")


def _is_out(annotation: typing.Any) -> bool:
    return annotation is func.Out or typing.get_origin(annotation) is func.Out


def _where(error: BaseException, script: str) -> str:
    if isinstance(error, SyntaxError) and error.filename:
        column = f":{error.offset}" if error.offset else ""
        return f"{error.filename}:{error.lineno}{column}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if os.path.abspath(f.filename).startswith(os.path.dirname(script))]
    frame = frames[-1] if frames else None
    return f"{frame.filename}:{frame.lineno}" if frame else script


def load(directory: str) -> typing.Optional[typing.List[IndexedFunction]]:
    """The app's functions; None when the folder has no function_app.py (the host then indexes it)."""
    directory = os.path.abspath(directory)
    script = os.path.join(directory, SCRIPT_FILE)
    if not os.path.isfile(script):
        return None
    if directory not in sys.path:
        sys.path.insert(0, directory)
    module_name = os.path.splitext(SCRIPT_FILE)[0]
    try:
        spec = importlib.util.spec_from_file_location(module_name, script)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[module_name] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    except SyntaxError as error:
        raise AppError(f"{_where(error, script)}: SyntaxError: {error.msg}") from None
    except Exception as error:  # noqa: BLE001 - anything the user's module raises is reported with its place
        raise AppError(f"{_where(error, script)}: {type(error).__name__}: {error}") from None
    apps = [v for v in vars(module).values() if isinstance(v, FunctionRegister)]
    if len(apps) != 1:
        raise AppError(f"{script}: {'no' if not apps else 'more than one'} FunctionApp instance found at the top level of "
                       f"{SCRIPT_FILE}; it must define exactly one (app = func.FunctionApp())")
    try:
        functions = apps[0].get_functions()
    except ValueError as error:
        raise AppError(f"{script}: {error}") from None
    return [IndexedFunction(f, directory) for f in functions]


def print_index(directory: str) -> int:
    """--index: the app's functions as JSON on standard output (exit 0), or the error on standard error (exit 2)."""
    try:
        functions = load(directory)
    except AppError as error:
        print(str(error), file=sys.stderr)
        return 2
    if functions is None:
        print(f"{os.path.join(os.path.abspath(directory), SCRIPT_FILE)}: no such file", file=sys.stderr)
        return 2
    json.dump({"functions": [f.metadata_json() for f in functions]}, sys.stdout)
    sys.stdout.write("\n")
    return 0
