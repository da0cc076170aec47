"""func.QueueMessage: a queue message's body and properties."""
import json
import typing


class QueueMessage:
    def __init__(self, *, id: typing.Optional[str] = None, body: typing.Union[str, bytes, None] = None,
                 pop_receipt: typing.Optional[str] = None, dequeue_count: typing.Optional[int] = None) -> None:
        self.__id = id
        self.__body = b"" if body is None else body.encode("utf-8") if isinstance(body, str) else body
        self.__pop_receipt = pop_receipt
        self.__dequeue_count = dequeue_count

    @property
    def id(self) -> typing.Optional[str]:
        return self.__id

    @property
    def dequeue_count(self) -> typing.Optional[int]:
        return self.__dequeue_count

    @property
    def pop_receipt(self) -> typing.Optional[str]:
        return self.__pop_receipt

    def get_body(self) -> bytes:
        return self.__body

    def get_json(self) -> typing.Any:
        return json.loads(self.__body)
