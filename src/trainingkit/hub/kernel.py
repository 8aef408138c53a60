"""The trainees' Python kernel: ipykernel without its debugger backend.

``python -m trainingkit.hub.kernel -f {connection_file}`` is the ``python3``
kernel of a trainee's server (the kernel specification the hub configuration
writes). ipykernel imports debugpy when it starts, for JupyterLab's visual
debugger, whether or not anybody opens it: about 8 MB of private memory in every
kernel here. Trainees do not debug; marked missing, debugpy is never imported,
ipykernel announces no debugger and Lab simply shows no debugger switch.
Everything else is ``python -m ipykernel_launcher``.
"""

from __future__ import annotations

import sys

__all__ = ["KERNEL_NAME", "kernel_spec", "main"]

#: The name of the kernel specification: the one the course notebooks ask for.
KERNEL_NAME = "python3"


def kernel_spec() -> dict[str, object]:
    """The ``kernel.json`` of the trainees' kernel: ipykernel's own, but for the command.

    ``python`` in the command is the server's own interpreter (jupyter_client
    replaces it, as for ipykernel's specification).
    """
    return {
        "argv": ["python", "-m", "trainingkit.hub.kernel", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": False},
        "kernel_protocol_version": "5.5",
    }


def main() -> None:
    """Start the kernel (arguments as for ``ipykernel_launcher``)."""
    if "ipykernel" not in sys.modules:
        sys.modules.setdefault("debugpy", None)  # type: ignore[arg-type]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
