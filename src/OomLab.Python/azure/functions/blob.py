"""func.InputStream: a blob's content, as the production library gives it: ALL the bytes, held in an io.BytesIO."""
import io
import typing


class InputStream(io.BufferedIOBase):
    """A blob trigger's (or input's) content. Not a stream from storage: the host sent the whole blob, and read(size)
    slices the in-memory buffer, exactly as azure-functions' InputStream does."""

    def __init__(self, *, data: typing.Union[bytes, str], name: typing.Optional[str] = None, uri: typing.Optional[str] = None,
                 length: typing.Optional[int] = None, blob_properties: typing.Optional[dict] = None,
                 metadata: typing.Optional[dict] = None) -> None:
        super().__init__()
        if isinstance(data, str):
            data = data.encode("utf-8")
        self._io = io.BytesIO(data)
        self._name = name
        self._length = length
        self._uri = uri
        self._blob_properties = blob_properties
        self._metadata = metadata

    @property
    def name(self) -> typing.Optional[str]:
        return self._name

    @property
    def length(self) -> typing.Optional[int]:
        return self._length

    @property
    def uri(self) -> typing.Optional[str]:
        return self._uri

    @property
    def blob_properties(self) -> typing.Optional[dict]:
        return self._blob_properties

    @property
    def metadata(self) -> typing.Optional[dict]:
        return self._metadata

    def read(self, size: typing.Optional[int] = -1) -> bytes:
        return self._io.read(size)

    def read1(self, size: int = -1) -> bytes:
        return self._io.read1(size)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return False
