"""Conversions between the protocol's TypedData and what a function's parameters receive and return, as the production
worker and library convert them for blob, queue and HTTP bindings."""
import json
import typing

import azure.functions as func



def _value(data: typing.Any) -> typing.Any:
    kind = data.WhichOneof("data") if data is not None else None
    if kind is None:
        return None
    if kind == "http":
        return data.http
    return getattr(data, kind)


def _sdk_client(annotation: typing.Any, reference: typing.Any, trigger_metadata: typing.Any) -> typing.Any:
    """A deferred blob binding: the SDK-type client for the blob the reference names (ContainerName, BlobName), found by
    the trigger's Uri on the folder backend."""
    if not (isinstance(annotation, type) and annotation.__module__.startswith("azurefunctions.extensions.bindings.")):
        raise TypeError("this binding received a reference to the blob (deferred binding), which the worker cannot "
                        "download: annotate the parameter func.InputStream, bytes or str")
    content = json.loads(bytes(reference.content).decode("utf-8"))
    return annotation(url=_metadata(trigger_metadata, "Uri"), container_name=content.get("ContainerName"),
                      blob_name=content.get("BlobName"))


def _metadata(trigger_metadata: typing.Any, key: str) -> typing.Any:
    if key not in trigger_metadata:
        return None
    value = _value(trigger_metadata[key])
    if trigger_metadata[key].WhichOneof("data") == "json":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _bytes(value: typing.Any) -> bytes:
    if value is None:
        return b""
    return value.encode("utf-8") if isinstance(value, str) else bytes(value) if not isinstance(value, bytes) else value


def to_parameter(binding: typing.Dict[str, typing.Any], annotation: typing.Any, data: typing.Any,
                 trigger_metadata: typing.Any) -> typing.Any:
    """The value a function's input parameter receives."""
    if data is not None and data.WhichOneof("data") == "model_binding_data":
        return _sdk_client(annotation, data.model_binding_data, trigger_metadata)
    value = _value(data)
    kind = binding.get("type")
    if annotation is bytes:
        return _bytes(value)
    if annotation is str:
        return value.decode("utf-8") if isinstance(value, (bytes, bytearray)) else "" if value is None else str(value)
    if kind in ("blobTrigger", "blob"):
        properties = _metadata(trigger_metadata, "Properties") or {}
        length = properties.get("ContentLength", properties.get("Length")) if isinstance(properties, dict) else None
        return func.InputStream(data=_bytes(value), name=_metadata(trigger_metadata, "BlobTrigger"),
                                uri=_metadata(trigger_metadata, "Uri"), length=length,
                                blob_properties=properties if isinstance(properties, dict) else None,
                                metadata=_metadata(trigger_metadata, "Metadata"))
    if kind == "queueTrigger":
        count = _metadata(trigger_metadata, "DequeueCount")
        return func.QueueMessage(id=_metadata(trigger_metadata, "Id"), body=_bytes(value),
                                 pop_receipt=_metadata(trigger_metadata, "PopReceipt"),
                                 dequeue_count=int(count) if count is not None else None)
    if kind == "httpTrigger" and hasattr(value, "method"):
        body = value.body if value.HasField("body") else None
        raw = _value(body) if body is not None else b""
        return func.HttpRequest(value.method, value.url, headers=dict(value.headers), params=dict(value.query),
                                route_params=dict(value.params), body=_bytes(raw))
    return value


def to_typed_data(pb: typing.Any, binding: typing.Dict[str, typing.Any], value: typing.Any) -> typing.Any:
    """The TypedData an output (an Out's value, or the return value) is sent as."""
    if isinstance(value, func.HttpResponse):
        http = pb.RpcHttp(status_code=str(value.status_code), headers=dict(value.headers),
                          body=pb.TypedData(bytes=value.get_body()))
        return pb.TypedData(http=http)
    if isinstance(value, str):
        return pb.TypedData(string=value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return pb.TypedData(bytes=bytes(value))
    if hasattr(value, "read"):
        return pb.TypedData(bytes=_bytes(value.read()))
    if binding.get("type") == "queue" and isinstance(value, (dict, list, int, float, bool)):
        return pb.TypedData(json=json.dumps(value))
    raise TypeError(f"unexpected type of value for the {binding.get('type')} output binding '{binding.get('name')}': "
                    f"{type(value).__name__} (str, bytes or a readable stream)")
