"""The seed lab's oom-streaming-app: "Streaming version that processes in chunks".

Deployed with BLOB_BATCH_SIZE=8 and MAX_CONCURRENT_INVOCATIONS=12. Reading a func.InputStream in chunks would not
stream (the host has already sent the whole blob and read(n) slices it in memory), so the trigger binds the blob as an
SDK type, blob.BlobClient: the host sends a reference, and the function downloads 4 MiB ranges itself, holding one at
a time. A plain download_blob() would fetch its first 32 MiB at once; ranged reads keep every step to 4 MiB.
"""
import logging

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob

app = func.FunctionApp()

CHUNK_BYTES = 4 * 1024 * 1024
_announced = False


@app.function_name(name="BlobBufferProcessor")
@app.blob_trigger(arg_name="client", path="input/{name}", connection="AzureWebJobsStorage")
def blob_buffer_processor(client: blob.BlobClient) -> None:
    global _announced
    if not _announced:
        _announced = True
        logging.info("Streaming implementation active")
    size = client.get_blob_properties().size
    records = 0
    last = b"\n"
    for offset in range(0, size, CHUNK_BYTES):
        chunk = client.download_blob(offset=offset, length=CHUNK_BYTES).readall()
        records += chunk.count(b"\n")
        last = chunk[-1:]
    records += last != b"\n"
    logging.info("Streamed %d bytes (%d records) of %s/%s in %d-byte ranges", size, records, client.container_name,
                 client.blob_name, CHUNK_BYTES)
