# The per-trainee exchange of trainingkit on Kubernetes, for the grader's server.
# Load it from the cohort's nbgrader_config.py (deploy/kubernetes/README.md):
#   load_subconfig("/opt/trainingkit/jupyter/grader/nbgrader_exchange.py")
c = get_config()  # noqa: F821
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = True
c.Exchange.timezone = "UTC"
# Submissions live in inbound/<trainee>/, feedback goes to feedback/<trainee>/.
c.ExchangeFactory.collect = "trainingkit.hub.exchange.GraderCollect"
c.ExchangeFactory.release_feedback = "trainingkit.hub.exchange.GraderReleaseFeedback"
# Every pod is uid 1000, so the owner of a submission says nothing; the folder
# it was found in says whose it is (GraderCollect checks that).
c.ExchangeCollect.check_owner = False
