"""Bindings as the v2 programming model describes them: each one becomes a raw binding JSON object."""
import enum
import json
import typing


class StringifyEnum(enum.Enum):
    """An enum whose JSON form is its name, as the production library writes them (direction "IN", dataType "BINARY")."""

    def __str__(self) -> str:
        return str(self.name)


class BindingDirection(StringifyEnum):
    IN = 0
    OUT = 1
    INOUT = 2


class DataType(StringifyEnum):
    UNDEFINED = 0
    STRING = 1
    BINARY = 2
    STREAM = 3


class AuthLevel(StringifyEnum):
    FUNCTION = "function"
    ANONYMOUS = "anonymous"
    ADMIN = "admin"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _enum(value: typing.Any, kind: typing.Type[StringifyEnum]) -> typing.Any:
    if value is None or isinstance(value, kind):
        return value
    if isinstance(value, str):
        return kind[value.upper()]
    return value


class Binding:
    """One binding: type, direction, name (the parameter, or $return) and its settings, in camelCase."""

    def __init__(self, binding_type: str, direction: BindingDirection, name: str, data_type: typing.Any = None,
                 **settings: typing.Any) -> None:
        if not isinstance(name, str) or not name:
            raise ValueError(f"{binding_type} binding: arg_name must be a non-empty string")
        self.type = binding_type
        self.direction = direction
        self.name = name
        self.data_type = _enum(data_type, DataType)
        self.settings = {_camel(k): v for k, v in settings.items() if v is not None}

    @property
    def is_trigger(self) -> bool:
        return self.type.endswith("Trigger")

    def get_dict_repr(self) -> typing.Dict[str, typing.Any]:
        result: typing.Dict[str, typing.Any] = {"direction": str(self.direction)}
        if self.data_type is not None:
            result["dataType"] = str(self.data_type)
        result["type"] = self.type
        result["name"] = self.name
        for key, value in self.settings.items():
            result[key] = str(value) if isinstance(value, StringifyEnum) else value
        return result

    def to_json(self) -> str:
        return json.dumps(self.get_dict_repr())
