"""oomlab's Python language worker: the Functions host <-> worker gRPC protocol for Python v2 apps (function_app.py)."""
