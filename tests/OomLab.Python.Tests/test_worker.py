"""oomlab's Python worker: its conversions and the wire reader that finds an invocation id in an unparsed message."""
import unittest

import FunctionRpc_pb2 as pb
import azure.functions as func
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

    def test_outputs_are_sent_as_string_or_bytes_and_other_types_are_refused(self):
        out = {"type": "blob", "name": "digest"}
        self.assertEqual(bindings.to_typed_data(pb, out, "x").string, "x")
        self.assertEqual(bindings.to_typed_data(pb, out, bytearray(b"y")).bytes, b"y")
        self.assertEqual(bindings.to_typed_data(pb, out, func.InputStream(data=b"z")).bytes, b"z")
        with self.assertRaisesRegex(TypeError, "for the blob output binding 'digest': int"):
            bindings.to_typed_data(pb, out, 3)


if __name__ == "__main__":
    unittest.main()
