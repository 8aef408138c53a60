# nbgrader settings of the grader's server: the cohort made by `trainingkit cohort init`
# in ~/<course> (gradebook and instructor source stay on the grader's own volume).
import os

c = get_config()  # noqa: F821
course = os.environ.get("NBGRADER_COURSE", "")
cohort_config = os.path.join(os.path.expanduser("~"), course, "nbgrader_config.py")
if course and os.path.isfile(cohort_config):
    load_subconfig(cohort_config)  # noqa: F821
load_subconfig(os.path.join(os.path.dirname(__file__), "nbgrader_exchange.py"))  # noqa: F821
