# nbgrader settings of trainees' servers (trainingkit on Kubernetes).
import os

c = get_config()  # noqa: F821
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = True
# Exchange timestamps in UTC: nbgrader 0.9.6 reads a zone name (CST) back as UTC,
# 8 hours late, and splits inbound folder names on '+', so a numeric offset
# (+0800) would break collect.
c.Exchange.timezone = "UTC"
c.CourseDirectory.course_id = os.environ.get("NBGRADER_COURSE", "")
# courses of a user = their hub groups nbgrader-<course> / formgrade-<course>
c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"
# This pod mounts only the released assignments and this trainee's own inbound
# and feedback folders (see trainingkit.hub.exchange); the exchange root itself
# is a read-only mount point, which nbgrader's default classes refuse.
for step, name in (
    ("fetch_assignment", "TraineeFetchAssignment"),
    ("submit", "TraineeSubmit"),
    ("fetch_feedback", "TraineeFetchFeedback"),
    ("list", "TraineeList"),
):
    setattr(c.ExchangeFactory, step, f"trainingkit.hub.exchange.{name}")
