import hashlib
import logging
import os
import threading

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob

app = func.FunctionApp()


@app.blob_trigger(arg_name="myblob", path="uploads/{name}", connection="AzureWebJobsStorage")
@app.blob_output(arg_name="digest", path="scanned/{name}.sha256", connection="AzureWebJobsStorage")
def scan_buffered(myblob: func.InputStream, digest: func.Out[str]):
    """Reads the whole blob, then works on a decoded copy of it: the payload is held several times over."""
    logging.info("Python blob trigger function processed blob Name: %s Blob Size: %s bytes", myblob.name, myblob.length)
    content = myblob.read()
    if myblob.name.endswith(".bad"):
        raise ValueError(f"{myblob.name} is not a valid upload")
    text = content.decode("latin-1")
    records = text.splitlines(keepends=True)
    digest.set(hashlib.sha256("".join(records).encode("latin-1")).hexdigest())


@app.blob_trigger(arg_name="myblob", path="uploads/{name}", connection="AzureWebJobsStorage")
@app.blob_output(arg_name="digest", path="scanned/{name}.sha256", connection="AzureWebJobsStorage")
def scan_chunked(myblob: func.InputStream, digest: func.Out[str]):
    """Hashes the blob 64 KiB at a time."""
    sha = hashlib.sha256()
    while chunk := myblob.read(64 * 1024):
        sha.update(chunk)
    digest.set(sha.hexdigest())


@app.function_name(name="ScanBytes")
@app.blob_trigger(arg_name="content", path="uploads/{name}", connection="AzureWebJobsStorage")
@app.blob_output(arg_name="$return", path="scanned/{name}.txt", connection="AzureWebJobsStorage")
def scan_bytes(content: bytes, context: func.Context) -> str:
    logging.warning("invocation %s got %d bytes", context.invocation_id, len(content))
    return f"{context.function_name}: {len(content)} bytes, {os.environ.get('GREETING', 'no greeting')}"


both_here = threading.Barrier(2, timeout=20)


@app.blob_trigger(arg_name="myblob", path="uploads/{name}", connection="AzureWebJobsStorage")
@app.blob_output(arg_name="digest", path="scanned/{name}.sha256", connection="AzureWebJobsStorage")
def scan_in_pairs(myblob: func.InputStream, digest: func.Out[bytes]):
    """Waits until another invocation is running too (sync functions run on the worker's thread pool)."""
    both_here.wait()
    digest.set(hashlib.sha256(myblob.read()).hexdigest().encode("ascii"))


@app.blob_trigger(arg_name="client", path="uploads/{name}", connection="AzureWebJobsStorage")
def scan_streamed(client: blob.BlobClient):
    """Hashes the blob 4 MiB at a time through the SDK-type client (deferred binding): nothing holds all of it."""
    sha = hashlib.sha256()
    size = client.get_blob_properties().size
    for offset in range(0, size, 4 * 1024 * 1024):
        sha.update(client.download_blob(offset=offset, length=4 * 1024 * 1024).readall())
    logging.info("%s/%s: %d bytes, sha256 %s", client.container_name, client.blob_name, size, sha.hexdigest())


@app.route(route="hash", methods=["POST"], auth_level=func.AuthLevel.ANONYMOUS)
def hash_upload(req: func.HttpRequest) -> func.HttpResponse:
    """An HTTP-triggered function that reads the whole request body, the h1 anti-pattern."""
    body = req.get_body()
    if not body:
        return func.HttpResponse("empty upload", status_code=400)
    logging.info("Hashing an upload of %d bytes for %s", len(body), req.params.get("client"))
    return func.HttpResponse(hashlib.sha256(body).hexdigest())
