"""The private parts of nbgrader, nbconvert and jupyter_client the grading engine uses.

``grading/pipeline.py`` drives nbgrader's ``Autograde`` one submission at a time
and ``grading/execute.py`` launches kernels through ``jupyter_client``'s
internals; pyproject pins ``nbgrader<0.10``. When an upgrade renames or changes
one of these, this file fails first and names it.
"""

from __future__ import annotations

import inspect

import jsonschema
import nbgrader.api
import nbgrader.nbgraderformat.common
import pytest
from grading_support import make_cohort
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbconvert.exporters import Exporter
from nbgrader.converters import Autograde
from nbgrader.converters.base import BaseConverter
from nbgrader.nbgraderformat import MetadataValidator

from trainingkit.grading.pipeline import SubmissionGrader, _nbgrader_caches

pytestmark = pytest.mark.nbgrader

#: (owner, attribute) pairs that pipeline.py and execute.py read, call or set.
PRIVATE = [
    (Autograde, "_sanitizing"),
    (Autograde, "_init_preprocessors"),
    (Autograde, "init_assignment"),
    (Autograde, "sanitize_preprocessors"),
    (Autograde, "autograde_preprocessors"),
    (BaseConverter, "init_notebooks"),
    (BaseConverter, "convert_single_notebook"),
    (BaseConverter, "init_single_notebook_resources"),
    (BaseConverter, "write_single_notebook"),
    (BaseConverter, "set_permissions"),
    (Exporter, "register_preprocessor"),
    (AsyncKernelManager, "_async_launch_kernel"),
    (AsyncKernelManager, "_reconcile_connection_info"),
    (AsyncKernelManager, "format_kernel_cmd"),
    (NotebookClient, "async_start_new_kernel"),
    (nbgrader.api, "create_engine"),
    (nbgrader.nbgraderformat.common, "jsonschema"),
]


@pytest.mark.parametrize(("owner", "name"), PRIVATE, ids=lambda x: getattr(x, "__name__", x))
def test_private_attribute_still_exists(owner, name):
    assert hasattr(owner, name), f"{owner.__name__}.{name} is gone: update grading/"


def test_autograde_still_has_the_steps_pipeline_reproduces():
    source = inspect.getsource(Autograde)
    assert "_sanitizing" in source and "_init_preprocessors" in source
    assert "SaveAutoGrades" in [pp.__name__ for pp in Autograde.autograde_preprocessors.default()]
    init = inspect.getsource(BaseConverter.init_notebooks)
    assert "self.assignments" in init  # pipeline reads conv.assignments after it
    assert "_preprocessors" in inspect.getsource(Exporter.register_preprocessor)


def test_gradebook_and_metadata_validator_still_call_what_the_caches_replace():
    assert "create_engine(" in inspect.getsource(nbgrader.api.Gradebook.__init__)
    assert "engine.dispose()" in inspect.getsource(nbgrader.api.Gradebook.close)
    validate_cell = inspect.getsource(nbgrader.nbgraderformat.common.BaseMetadataValidator)
    assert "jsonschema.validate(" in validate_cell


def test_kernel_provisioner_still_has_the_fields_a_forked_kernel_fills():
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    source = inspect.getsource(LocalProvisioner)
    for field in ("self.process", "self.pid", "self.pgid", "connection_info"):
        assert field in source


def test_cached_validator_raises_the_error_jsonschema_validate_raises():
    validator = MetadataValidator()
    bad = {"schema_version": 3, "grade": True, "solution": False, "locked": "no", "grade_id": 1}
    with pytest.raises(jsonschema.ValidationError) as plain:
        jsonschema.validate(bad, validator.schema)
    engines: dict = {}
    validators: dict = {}
    with _nbgrader_caches(engines, validators), pytest.raises(jsonschema.ValidationError) as cached:
        nbgrader.nbgraderformat.common.jsonschema.validate(bad, validator.schema)
    assert str(cached.value) == str(plain.value)
    assert validators, "the validator was built once and kept"
    # Outside the context nbgrader's module sees jsonschema itself again.
    assert nbgrader.nbgraderformat.common.jsonschema is jsonschema


def test_engine_cache_shares_one_engine_and_writes_land(tmp_path):
    cohort = make_cohort(tmp_path / "c")
    grader = SubmissionGrader(cohort, cohort.nbgrader_config())
    with grader._nbgrader():
        with cohort.gradebook() as first:
            first.update_or_create_student("s1")
            engine = first.engine
        with cohort.gradebook() as second:
            assert second.engine is engine
            assert second.find_student("s1").id == "s1"
    with cohort.gradebook() as outside:
        assert outside.engine is not engine
        assert outside.find_student("s1").id == "s1"


def test_grading_process_skips_the_iri_grammar_and_still_validates_notebooks():
    import subprocess
    import sys

    code = (
        "import sys, trainingkit.grading.execute, nbformat\n"
        "from nbformat.v4 import new_notebook, new_code_cell\n"
        "nbformat.validate(new_notebook(cells=[new_code_cell('1')]))\n"
        "bad = new_notebook(); bad.cells = [{'cell_type': 'nonsense'}]\n"
        "try:\n    nbformat.validate(bad)\nexcept nbformat.ValidationError:\n    print('invalid')\n"
        "print(sys.modules['rfc3987_syntax'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["invalid", "None"]
