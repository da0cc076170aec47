"""oomlab's Python worker: its conversions and the wire reader that finds an invocation id in an unparsed message."""
import json
import os
import pathlib
import tempfile
import unittest

import FunctionRpc_pb2 as pb
import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob
from oomlab_worker import bindings, wire


class WireTests(unittest.TestCase):
    def test_the_invocation_id_is_read_from_a_serialized_request_without_parsing_it(self):
        message = pb.StreamingMessage(request_id="r-1", invocation_request=pb.InvocationRequest(
            invocation_id="inv-42", function_id="f-1"))
        message.invocation_request.input_data.add(name="myblob", data=pb.TypedData(bytes=b"\x00" * 300_000))
        message.invocation_request.trigger_metadata["BlobTrigger"].string = "uploads/a.bin"

        self.assertEqual(wire.invocation_id(message.SerializeToString()), "inv-42")

    def test_other_messages_and_garbage_have_no_invocation_id(self):
        start = pb.StreamingMessage(start_stream=pb.StartStream(worker_id="w"))

        self.assertIsNone(wire.invocation_id(start.SerializeToString()))
        self.assertIsNone(wire.invocation_id(b"\x22\xff"))


class BindingTests(unittest.TestCase):
    blob = {"type": "blobTrigger", "direction": "IN", "name": "myblob"}

    def _metadata(self):
        request = pb.InvocationRequest()
        request.trigger_metadata["BlobTrigger"].string = "uploads/a.bin"
        request.trigger_metadata["Uri"].string = "file:///root/uploads/a.bin"
        request.trigger_metadata["Properties"].json = '{"Length": 3, "ContentLength": 3}'
        request.trigger_metadata["Metadata"].json = "{}"
        return request.trigger_metadata

    def test_bytes_become_an_InputStream_with_the_blobs_name_length_and_uri(self):
        value = bindings.to_parameter(self.blob, func.InputStream, pb.TypedData(bytes=b"abc"), self._metadata())

        self.assertIsInstance(value, func.InputStream)
        self.assertEqual((value.name, value.length, value.uri, value.read()), ("uploads/a.bin", 3, "file:///root/uploads/a.bin", b"abc"))

    def test_bytes_and_str_annotations_get_bytes_and_text(self):
        self.assertEqual(bindings.to_parameter(self.blob, bytes, pb.TypedData(string="é"), self._metadata()), "é".encode("utf-8"))
        self.assertEqual(bindings.to_parameter(self.blob, str, pb.TypedData(bytes="é".encode("utf-8")), self._metadata()), "é")

    def test_a_deferred_reference_is_refused_with_a_message(self):
        data = pb.TypedData(model_binding_data=pb.ModelBindingData(version="1.0", source="AzureStorageBlobs"))
        with self.assertRaisesRegex(TypeError, "deferred binding"):
            bindings.to_parameter(self.blob, func.InputStream, data, self._metadata())

    def test_a_deferred_reference_becomes_an_sdk_client_that_reads_the_blob_in_ranges(self):
        with tempfile.TemporaryDirectory() as root:
            path = pathlib.Path(root, "input", "a.bin")
            path.parent.mkdir()
            content = bytes(range(256)) * 40_000
            path.write_bytes(content)
            reference = json.dumps({"Connection": "AzureWebJobsStorage", "ContainerName": "input", "BlobName": "a.bin"})
            data = pb.TypedData(model_binding_data=pb.ModelBindingData(
                version="1.0", source="AzureStorageBlobs", content_type="application/json", content=reference.encode()))
            metadata = self._metadata()
            metadata["Uri"].string = path.as_uri()

            client = bindings.to_parameter(self.blob, blob.BlobClient, data, metadata)

            self.assertEqual((client.container_name, client.blob_name, client.get_blob_properties().size),
                             ("input", "a.bin", len(content)))
            self.assertEqual(client.download_blob(offset=1000, length=300).readall(), content[1000:1300])
            self.assertEqual(b"".join(client.download_blob().chunks()), content)

    def test_a_download_fetches_its_first_32_MiB_at_once_and_the_rest_in_4_MiB_chunks(self):
        with tempfile.NamedTemporaryFile() as file:
            file.truncate(40 * 1024 * 1024)
            client = blob.BlobClient(url=pathlib.Path(file.name).as_uri(), container_name="input", blob_name="big")

            sizes = [len(c) for c in client.download_blob().chunks()]

            self.assertEqual(sizes, [32 * 1024 * 1024, 4 * 1024 * 1024, 4 * 1024 * 1024])

    def test_an_sdk_client_is_only_for_blobs_of_the_folder_backend(self):
        with self.assertRaisesRegex(ValueError, "not a blob of oomlab's folder backend"):
            blob.BlobClient(url="https://account.blob.core.windows.net/input/a", container_name="input", blob_name="a")

    def test_outputs_are_sent_as_string_or_bytes_and_other_types_are_refused(self):
        out = {"type": "blob", "name": "digest"}
        self.assertEqual(bindings.to_typed_data(pb, out, "x").string, "x")
        self.assertEqual(bindings.to_typed_data(pb, out, bytearray(b"y")).bytes, b"y")
        self.assertEqual(bindings.to_typed_data(pb, out, func.InputStream(data=b"z")).bytes, b"z")
        with self.assertRaisesRegex(TypeError, "for the blob output binding 'digest': int"):
            bindings.to_typed_data(pb, out, 3)


if __name__ == "__main__":
    unittest.main()
