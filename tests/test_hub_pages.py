"""The hub's own pages in Chinese: the kit's templates over JupyterHub's.

Every template in ``templates/hub`` is rendered here through the same loaders the
hub builds (`JupyterHub.init_tornado_settings`: the hub's templates under the
``templates/`` prefix, then ``template_paths``, then NativeAuthenticator's folder);
`test_hub_browser.py` opens the same pages on a real hub in Chromium, logs in and
changes a password through the Chinese forms.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hub_fixtures import ALLOWED_WORDS, english_words, visible_text
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from trainingkit.resources import template_path

HUB_TEMPLATES = Path(sys.prefix) / "share" / "jupyterhub" / "templates"
KIT_TEMPLATES = template_path("hub")


def _environment() -> Environment:
    import nativeauthenticator

    native = Path(nativeauthenticator.__file__).parent / "templates"
    hub = ChoiceLoader(
        [
            PrefixLoader({"templates": FileSystemLoader([str(HUB_TEMPLATES)])}, "/"),
            FileSystemLoader([str(KIT_TEMPLATES), str(HUB_TEMPLATES)]),
        ]
    )
    return Environment(loader=ChoiceLoader([hub, FileSystemLoader([str(native)])]),
                       autoescape=True)  # fmt: skip


def _namespace(**extra: Any) -> dict[str, Any]:
    user = SimpleNamespace(
        name="t001",
        json_escaped_name="t001",
        admin=False,
        spawner=SimpleNamespace(options_form=None),
    )
    return {
        "base_url": "/hub/",
        "prefix": "/",
        "user": user,
        "login_url": "/hub/login",
        "logout_url": "/hub/logout",
        "static_url": lambda path, **kw: f"/hub/static/{path}",
        "services": [],
        "parsed_scopes": set(),
        "xsrf": "x",
        "xsrf_token": "x",
        "minimum_password_length": 8,
        **extra,
    }


PAGES = {
    "login.html": {
        "authenticator": SimpleNamespace(allowed_failed_logins=5, seconds_before_next_try=300),
        "authenticator_login_url": "/hub/login?next=",
        "login_error": "Invalid username or password",
        "user": None,
    },
    "change-password.html": {"user_name": "t001", "alert": "alert-danger",
                             "result_message": "Something went wrong!\nBe sure your new "
                             "password has at least 8 characters and is not too common."},
    "home.html": {"default_server": SimpleNamespace(active=True), "url": "/user/t001/",
                  "allow_named_servers": False},
    "spawn_pending.html": {"progress_url": "/hub/api/users/t001/server/progress"},
    "stop_pending.html": {},
    "not_running.html": {"failed": True, "failed_message": "Spawn failed", "spawn_url": "/s"},
    "error.html": {"status_code": 500, "status_message": "Internal Server Error",
                   "message": "Spawner failed"},
    "404.html": {"status_code": 404, "status_message": "Not Found"},
    "logout.html": {"user": None},
}  # fmt: skip


def test_every_kit_page_replaces_a_hub_page_of_the_same_name() -> None:
    kit = {p.name for p in KIT_TEMPLATES.iterdir()}
    assert kit == set(PAGES) | {"page.html"}
    import nativeauthenticator

    native = {p.name for p in (Path(nativeauthenticator.__file__).parent / "templates").iterdir()}
    assert kit <= {p.name for p in HUB_TEMPLATES.iterdir()} | native


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_renders_with_only_chinese_words_visible(name: str) -> None:
    html = _environment().get_template(name).render(**_namespace(**PAGES[name]))
    # the hub's technical message is kept, marked for the organizer
    text = visible_text(html).split("技术信息")[0]
    assert re.search(r"[\u4e00-\u9fff]{2,}", text)
    assert english_words(text, allowed=ALLOWED_WORDS | {"t001"}) == []


def test_the_forms_keep_the_field_names_the_handlers_read() -> None:
    env = _environment()
    login = env.get_template("login.html").render(**_namespace(**PAGES["login.html"]))
    for field in ("username", "password", "_xsrf"):
        assert f'name="{field}"' in login
    assert 'action="/hub/login?next="' in login
    text = visible_text(login)
    assert "账号或密码不正确" in text and "组织者" in text and "admin" not in text.lower()
    assert "连续输错 5 次后，要等 5 分钟才能再试。" in text  # allowed_failed_logins, 300 s
    change = env.get_template("change-password.html").render(
        **_namespace(**PAGES["change-password.html"])
    )
    for field in ("old_password", "new_password", "new_password_confirmation", "_xsrf"):
        assert f'name="{field}"' in change
    assert "至少要有 8 个字符" in change and "组织者" in change
