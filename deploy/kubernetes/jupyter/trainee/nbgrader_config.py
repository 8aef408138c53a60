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
