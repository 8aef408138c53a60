# nbgrader settings of trainees' servers (trainingkit on Kubernetes).
import os

c = get_config()  # noqa: F821
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = True
# UTC on purpose: nbgrader 0.9.6 reads its own zone names back as UTC, so
# Asia/Shanghai (written as CST) would make every submission 8 hours late.
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
