"""FunctionApp and Blueprint: the v2 programming model's decorators, registering functions and their bindings."""
import inspect
import typing

from .core import AuthLevel, Binding, BindingDirection

IN, OUT = BindingDirection.IN, BindingDirection.OUT


class Function:
    """A registered function: the user's callable, its name, trigger and bindings."""

    def __init__(self, func: typing.Callable[..., typing.Any], script_file: str) -> None:
        self._func = func
        self._name = func.__name__
        self._bindings: typing.List[Binding] = []
        self._trigger: typing.Optional[Binding] = None
        self.function_script_file = script_file
        self.http_type = "function"

    def add_binding(self, binding: Binding) -> None:
        if binding.is_trigger:
            if self._trigger is not None:
                raise ValueError(f"A trigger was already registered to function {self._name}. Function can have only one trigger.")
            self._trigger = binding
        self._bindings.insert(0, binding)

    def get_bindings(self) -> typing.List[Binding]:
        return self._bindings

    def get_raw_bindings(self) -> typing.List[str]:
        return [b.to_json() for b in self._bindings]

    def get_trigger(self) -> typing.Optional[Binding]:
        return self._trigger

    def get_function_name(self) -> str:
        return self._name

    def get_user_function(self) -> typing.Callable[..., typing.Any]:
        return self._func


class FunctionBuilder:
    """What a decorated function becomes: it gathers the decorators' bindings; calling it calls the user's function."""

    def __init__(self, func: typing.Callable[..., typing.Any], script_file: str) -> None:
        self._function = Function(func, script_file)
        self._function_name: typing.Optional[str] = None

    def __call__(self, *args: typing.Any, **kwargs: typing.Any) -> typing.Any:
        return self._function.get_user_function()(*args, **kwargs)

    def build(self) -> Function:
        if self._function_name:
            self._function._name = self._function_name
        if self._function.get_trigger() is None:
            raise ValueError(f"Function {self._function.get_function_name()} does not have a trigger. A valid function "
                             "must have one and only one trigger registered.")
        return self._function


def _script_file(func: typing.Callable[..., typing.Any]) -> str:
    try:
        return inspect.getsourcefile(func) or "function_app.py"
    except TypeError:
        return "function_app.py"


class DecoratorApi:
    """What every decorator shares: the builders of the functions decorated so far."""

    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        self._function_builders: typing.List[FunctionBuilder] = []
        self.auth_level = kwargs.get("http_auth_level", args[0] if args else AuthLevel.FUNCTION)

    def _builder(self, fb: typing.Any) -> FunctionBuilder:
        if isinstance(fb, FunctionBuilder):
            return fb
        if not callable(fb):
            raise ValueError(f"a function decorator was applied to {fb!r}, which is not a function")
        builder = FunctionBuilder(fb, _script_file(fb))
        self._function_builders.append(builder)
        return builder

    def _binding(self, make: typing.Callable[[], Binding]) -> typing.Callable[[typing.Any], FunctionBuilder]:
        binding = make()

        def decorator(fb: typing.Any) -> FunctionBuilder:
            builder = self._builder(fb)
            builder._function.add_binding(binding)
            return builder

        return decorator


class SettingsApi(DecoratorApi):
    def function_name(self, name: str, **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        def decorator(fb: typing.Any) -> FunctionBuilder:
            builder = self._builder(fb)
            builder._function_name = name
            return builder

        return decorator


class TriggerApi(DecoratorApi):
    def blob_trigger(self, arg_name: str, path: str, connection: str, source: typing.Any = None, data_type: typing.Any = None,
                     **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        return self._binding(lambda: Binding("blobTrigger", IN, arg_name, data_type, path=path, connection=connection,
                                             source=source, **kwargs))

    def queue_trigger(self, arg_name: str, queue_name: str, connection: str, data_type: typing.Any = None,
                      **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        return self._binding(lambda: Binding("queueTrigger", IN, arg_name, data_type, queue_name=queue_name,
                                             connection=connection, **kwargs))

    def route(self, route: typing.Optional[str] = None, trigger_arg_name: str = "req", binding_arg_name: str = "$return",
              methods: typing.Optional[typing.Iterable[typing.Any]] = None, auth_level: typing.Any = None,
              trigger_extra_fields: typing.Optional[dict] = None,
              binding_extra_fields: typing.Optional[dict] = None) -> typing.Callable[[typing.Any], FunctionBuilder]:
        def decorator(fb: typing.Any) -> FunctionBuilder:
            builder = self._builder(fb)
            level = auth_level if auth_level is not None else self.auth_level
            builder._function.add_binding(Binding("http", OUT, binding_arg_name, **(binding_extra_fields or {})))
            builder._function.add_binding(Binding(
                "httpTrigger", IN, trigger_arg_name, route=route or builder._function.get_function_name(),
                methods=[str(m).upper() for m in methods] if methods is not None else None,
                auth_level=str(level.value if isinstance(level, AuthLevel) else level).lower(), **(trigger_extra_fields or {})))
            return builder

        return decorator

    def schedule(self, arg_name: str, schedule: str, run_on_startup: typing.Optional[bool] = None,
                 use_monitor: typing.Optional[bool] = None, data_type: typing.Any = None,
                 **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        return self._binding(lambda: Binding("timerTrigger", IN, arg_name, data_type, schedule=schedule,
                                             run_on_startup=run_on_startup, use_monitor=use_monitor, **kwargs))

    timer_trigger = schedule


class BindingApi(DecoratorApi):
    def blob_input(self, arg_name: str, path: str, connection: str, data_type: typing.Any = None,
                   **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        return self._binding(lambda: Binding("blob", IN, arg_name, data_type, path=path, connection=connection, **kwargs))

    def blob_output(self, arg_name: str, path: str, connection: str, data_type: typing.Any = None,
                    **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        return self._binding(lambda: Binding("blob", OUT, arg_name, data_type, path=path, connection=connection, **kwargs))

    def queue_output(self, arg_name: str, queue_name: str, connection: str, data_type: typing.Any = None,
                     **kwargs: typing.Any) -> typing.Callable[[typing.Any], FunctionBuilder]:
        return self._binding(lambda: Binding("queue", OUT, arg_name, data_type, queue_name=queue_name,
                                             connection=connection, **kwargs))


class FunctionRegister(DecoratorApi):
    """What the worker looks for at the top level of function_app.py: exactly one instance."""

    def get_functions(self) -> typing.List[Function]:
        functions = [builder.build() for builder in self._function_builders]
        names = [f.get_function_name() for f in functions]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"Function names {duplicates} are not unique.")
        return functions

    def register_functions(self, function_container: typing.Any) -> None:
        if isinstance(function_container, FunctionRegister):
            raise TypeError("functions can not be registered in FunctionApp")
        self._function_builders.extend(function_container._function_builders)

    register_blueprint = register_functions


class Blueprint(TriggerApi, BindingApi, SettingsApi):
    """Functions registered apart from the app, joined with app.register_functions(bp)."""


class FunctionApp(FunctionRegister, TriggerApi, BindingApi, SettingsApi):
    """The app: a module-level instance in function_app.py that the worker finds and indexes."""

    def __init__(self, http_auth_level: typing.Union[AuthLevel, str] = AuthLevel.FUNCTION) -> None:
        super().__init__(http_auth_level=http_auth_level)
