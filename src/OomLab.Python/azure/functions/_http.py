"""func.HttpRequest and func.HttpResponse."""
import json
import typing
import urllib.parse


class HttpRequest:
    def __init__(self, method: str, url: str, *, headers: typing.Optional[typing.Mapping[str, str]] = None,
                 params: typing.Optional[typing.Mapping[str, str]] = None,
                 route_params: typing.Optional[typing.Mapping[str, str]] = None, body: bytes = b"") -> None:
        self.__method = method.upper()
        self.__url = url
        self.__headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.__params = dict(params or dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)))
        self.__route_params = dict(route_params or {})
        self.__body = body

    @property
    def method(self) -> str:
        return self.__method

    @property
    def url(self) -> str:
        return self.__url

    @property
    def headers(self) -> typing.Mapping[str, str]:
        return self.__headers

    @property
    def params(self) -> typing.Mapping[str, str]:
        return self.__params

    @property
    def route_params(self) -> typing.Mapping[str, str]:
        return self.__route_params

    def get_body(self) -> bytes:
        return self.__body

    def get_json(self) -> typing.Any:
        return json.loads(self.__body)


class HttpResponse:
    def __init__(self, body: typing.Union[str, bytes, None] = None, *, status_code: int = 200,
                 headers: typing.Optional[typing.Mapping[str, str]] = None, mimetype: typing.Optional[str] = None,
                 charset: typing.Optional[str] = None) -> None:
        self.__status_code = status_code
        self.__mimetype = mimetype or "text/plain"
        self.__charset = charset or "utf-8"
        self.__headers = dict(headers or {})
        if "content-type" not in {k.lower() for k in self.__headers}:
            self.__headers["content-type"] = f"{self.__mimetype}; charset={self.__charset}"
        self.__body = b"" if body is None else body.encode(self.__charset) if isinstance(body, str) else bytes(body)

    @property
    def status_code(self) -> int:
        return self.__status_code

    @property
    def mimetype(self) -> str:
        return self.__mimetype

    @property
    def charset(self) -> str:
        return self.__charset

    @property
    def headers(self) -> typing.Mapping[str, str]:
        return self.__headers

    def get_body(self) -> bytes:
        return self.__body
