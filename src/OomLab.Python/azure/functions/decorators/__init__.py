from .core import AuthLevel, Binding, BindingDirection, DataType
from .function_app import Blueprint, Function, FunctionApp, FunctionBuilder, FunctionRegister

__all__ = ["AuthLevel", "Binding", "BindingDirection", "Blueprint", "DataType", "Function", "FunctionApp", "FunctionBuilder", "FunctionRegister"]
