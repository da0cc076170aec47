"""Reading one field of a serialized StreamingMessage without parsing it: the invocation id of a request whose payload
could not be parsed within the worker's memory limit, so that invocation can be failed with its MemoryError."""
import typing

_INVOCATION_REQUEST = 4
_INVOCATION_ID = 1


def _varint(data: memoryview, pos: int) -> typing.Tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def _field(data: memoryview, wanted: int) -> typing.Optional[memoryview]:
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            _, pos = _varint(data, pos)
        elif wire_type == 1:
            pos += 8
        elif wire_type == 5:
            pos += 4
        elif wire_type == 2:
            length, pos = _varint(data, pos)
            if number == wanted:
                return data[pos:pos + length]
            pos += length
        else:
            return None
    return None


def invocation_id(raw: bytes) -> typing.Optional[str]:
    """The invocation id of a serialized StreamingMessage holding an InvocationRequest, or None."""
    try:
        request = _field(memoryview(raw), _INVOCATION_REQUEST)
        value = _field(request, _INVOCATION_ID) if request is not None else None
        return bytes(value).decode("utf-8") if value is not None else None
    except (IndexError, UnicodeDecodeError):
        return None
