"""oomlab's implementation of the part of azurefunctions-extensions-bindings-blob (the SDK-type blob bindings) that a
streaming function uses, on oomlab's folder backend.

A parameter annotated ``blob.BlobClient`` makes the trigger bind lazily (deferred binding): the host sends a reference
to the blob (``model_binding_data``: Connection, ContainerName, BlobName) instead of its bytes, and the function reads
it itself. In production the function receives an ``azure.storage.blob.BlobClient`` for the connection's account; here
it receives this module's ``BlobClient``, which reads the blob's file in the folder backend (the trigger's ``Uri``, a
``file:`` URI) with the SDK's names and download behaviour: ``download_blob()`` fetches its first range of up to 32 MiB
(``max_single_get_size``) at once and the rest in 4 MiB chunks (``max_chunk_get_size``), so only ranged reads
(``download_blob(offset, length)``) or ``chunks()`` after a small first range keep memory flat. docs/workers.md,
"Python apps".
"""
import io
import os
import typing
import urllib.parse
import urllib.request

__version__ = "1.0.0+oomlab"

MAX_SINGLE_GET_SIZE = 32 * 1024 * 1024
MAX_CHUNK_GET_SIZE = 4 * 1024 * 1024


class BlobProperties:
    """What ``get_blob_properties()`` returns: the blob's name, container and size."""

    def __init__(self, name: str, container: str, size: int) -> None:
        self.name = name
        self.container = container
        self.size = size


class StorageStreamDownloader:
    """A download of a blob or a range of it, as ``azure.storage.blob.StorageStreamDownloader``: the first range (up
    to 32 MiB) is read when it is made, the rest as it is consumed."""

    def __init__(self, path: str, properties: BlobProperties, offset: int, length: typing.Optional[int]) -> None:
        self.name = properties.name
        self.container = properties.container
        self.properties = properties
        start = min(max(offset, 0), properties.size)
        end = properties.size if length is None else min(properties.size, start + max(length, 0))
        self.size = end - start
        self._file = open(path, "rb")  # noqa: SIM115 - closed when the download is consumed or collected
        self._file.seek(start)
        self._remaining = self.size
        self._first: typing.Optional[bytes] = self._take(min(self.size, MAX_SINGLE_GET_SIZE))

    def _take(self, count: int) -> bytes:
        data = self._file.read(count) if count > 0 else b""
        self._remaining -= len(data)
        if self._remaining <= 0:
            self._file.close()
        return data

    def chunks(self) -> typing.Iterator[bytes]:
        """The content: the first range, then 4 MiB at a time."""
        if self._first is not None:
            first, self._first = self._first, None
            if first:
                yield first
        while self._remaining > 0:
            yield self._take(min(self._remaining, MAX_CHUNK_GET_SIZE))

    def readall(self) -> bytes:
        """All of the content in one bytes object."""
        return b"".join(self.chunks())

    def content_as_bytes(self, max_concurrency: int = 1) -> bytes:
        return self.readall()

    def content_as_text(self, max_concurrency: int = 1, encoding: str = "UTF-8") -> str:
        return self.readall().decode(encoding)

    def readinto(self, stream: typing.IO[bytes]) -> int:
        """Writes the content to ``stream`` chunk by chunk; returns the number of bytes."""
        count = 0
        for chunk in self.chunks():
            stream.write(chunk)
            count += len(chunk)
        return count

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        out = io.BytesIO()
        if self._first:
            out.write(self._first[:size])
            self._first = self._first[size:] or None
        if out.tell() < size and self._remaining > 0:
            out.write(self._take(min(self._remaining, size - out.tell())))
        return out.getvalue()


class BlobClient:
    """A blob of the folder backend, with ``azure.storage.blob.BlobClient``'s names for reading it."""

    def __init__(self, url: str, container_name: str, blob_name: str) -> None:
        self.url = url
        self.container_name = container_name
        self.blob_name = blob_name
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme != "file":
            raise ValueError(f"blob {container_name}/{blob_name}: {url} is not a blob of oomlab's folder backend (file:)")
        self._path = urllib.request.url2pathname(parsed.path)

    def exists(self) -> bool:
        return os.path.isfile(self._path)

    def get_blob_properties(self) -> BlobProperties:
        return BlobProperties(self.blob_name, self.container_name, os.path.getsize(self._path))

    def download_blob(self, offset: typing.Optional[int] = None, length: typing.Optional[int] = None,
                      **kwargs: typing.Any) -> StorageStreamDownloader:
        """The blob, or ``length`` bytes of it from ``offset``."""
        return StorageStreamDownloader(self._path, self.get_blob_properties(), offset or 0, length)


SDK_TYPES = (BlobClient,)

__all__ = ["BlobClient", "BlobProperties", "StorageStreamDownloader"]
