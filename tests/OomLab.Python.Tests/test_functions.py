"""oomlab's azure.functions: the raw bindings the worker reports and the types user code receives."""
import json
import unittest

import azure.functions as func


def _bindings(app):
    return {f.get_function_name(): [json.loads(b) for b in f.get_raw_bindings()] for f in app.get_functions()}


class DecoratorTests(unittest.TestCase):
    def test_blob_trigger_and_output_give_the_librarys_raw_bindings_in_source_order(self):
        app = func.FunctionApp()

        @app.blob_trigger(arg_name="myblob", path="uploads/{name}", connection="AzureWebJobsStorage")
        @app.blob_output(arg_name="out", path="scanned/{name}", connection="AzureWebJobsStorage", data_type="BINARY")
        def scan(myblob: func.InputStream, out: func.Out[bytes]):
            pass

        self.assertEqual(_bindings(app)["scan"], [
            {"direction": "IN", "type": "blobTrigger", "name": "myblob", "path": "uploads/{name}", "connection": "AzureWebJobsStorage"},
            {"direction": "OUT", "dataType": "BINARY", "type": "blob", "name": "out", "path": "scanned/{name}", "connection": "AzureWebJobsStorage"},
        ])

    def test_queue_and_http_bindings_and_function_name(self):
        app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)

        @app.function_name(name="Enqueue")
        @app.route(route="orders", methods=["post"])
        @app.queue_output(arg_name="msg", queue_name="orders", connection="Storage")
        def enqueue(req: func.HttpRequest, msg: func.Out[str]) -> func.HttpResponse:
            return func.HttpResponse("ok")

        self.assertEqual(_bindings(app)["Enqueue"], [
            {"direction": "IN", "type": "httpTrigger", "name": "req", "route": "orders", "methods": ["POST"], "authLevel": "anonymous"},
            {"direction": "OUT", "type": "http", "name": "$return"},
            {"direction": "OUT", "type": "queue", "name": "msg", "queueName": "orders", "connection": "Storage"},
        ])

    def test_blueprints_join_the_app_and_names_must_be_unique(self):
        app, bp = func.FunctionApp(), func.Blueprint()

        @bp.queue_trigger(arg_name="m", queue_name="q", connection="c")
        def same(m: func.QueueMessage):
            pass

        @app.queue_trigger(arg_name="m", queue_name="q", connection="c")
        def same(m: func.QueueMessage):  # noqa: F811 - the duplicate under test
            pass

        app.register_functions(bp)
        with self.assertRaisesRegex(ValueError, r"Function names \['same'\] are not unique"):
            app.get_functions()

    def test_a_function_without_a_trigger_is_refused_and_a_missing_argument_is_a_TypeError(self):
        app = func.FunctionApp()

        @app.blob_output(arg_name="out", path="a/{name}", connection="c")
        def lonely(out: func.Out[str]):
            pass

        with self.assertRaisesRegex(ValueError, "Function lonely does not have a trigger"):
            app.get_functions()
        with self.assertRaisesRegex(TypeError, r"TriggerApi.blob_trigger\(\) missing 1 required positional argument: 'path'"):
            app.blob_trigger(arg_name="b", connection="c")  # pylint: disable=no-value-for-parameter


class TypeTests(unittest.TestCase):
    def test_InputStream_holds_all_the_bytes_and_read_slices_them(self):
        stream = func.InputStream(data=b"0123456789", name="uploads/a.bin", length=10, uri="file:///a.bin")

        self.assertEqual((stream.name, stream.length, stream.uri), ("uploads/a.bin", 10, "file:///a.bin"))
        self.assertEqual(stream.read(4), b"0123")
        self.assertEqual(stream.read(), b"456789")
        self.assertEqual(stream.read(4), b"")
        self.assertTrue(stream.readable())
        self.assertFalse(stream.seekable())
        self.assertFalse(stream.writable())

    def test_Out_keeps_what_was_set(self):
        out: func.Out[str] = func.Out()
        self.assertIsNone(out.get())
        out.set("x")
        self.assertEqual(out.get(), "x")

    def test_HttpResponse_encodes_its_body_and_sets_the_content_type(self):
        response = func.HttpResponse("héllo", status_code=201, mimetype="text/plain")
        self.assertEqual((response.status_code, response.get_body()), (201, "héllo".encode("utf-8")))
        self.assertEqual(response.headers["content-type"], "text/plain; charset=utf-8")


if __name__ == "__main__":
    unittest.main()
