"""The seed lab's oom-buffering-app: "Python function that reads entire blob into memory".

Deployed with BLOB_BATCH_SIZE=32 and MAX_CONCURRENT_INVOCATIONS=48. The host sends the whole blob as bytes and
InputStream holds all of it; the function reads it at once, decodes it and splits it into records, so each invocation
holds the blob about five times over (the message, the bytes, the text, the records with their object headers), on top
of the host's copy.
"""
import logging

import azure.functions as func

app = func.FunctionApp()


@app.function_name(name="BlobBufferProcessor")
@app.blob_trigger(arg_name="blob", path="input/{name}", connection="AzureWebJobsStorage")
def blob_buffer_processor(blob: func.InputStream) -> None:
    payload = blob.read()
    records = payload.decode("latin-1").splitlines()
    logging.info("Buffered %d bytes (%d records) of %s in memory", len(payload), len(records), blob.name)
