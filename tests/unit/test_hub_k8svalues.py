"""Zero to JupyterHub values generated from the hub settings (structural check with jsonschema)."""

from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner
from schuelerlab.hub.accounts import Account, AccountStore
from schuelerlab.hub.cli import hub
from schuelerlab.hub.configure import groups_for, teacher_scopes
from schuelerlab.hub.k8svalues import k8s_values, render
from schuelerlab.hub.settings import load_settings, parse_settings

K8S = Path(__file__).resolve().parents[2] / "hub_config" / "k8s"

# The chart keys we use, with the types the chart's values.schema.json declares for them
# (written by hand: the chart's schema is not shipped in any installed package).
_STR_LIST = {"type": "array", "items": {"type": "string"}}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["hub", "singleuser", "cull"],
    "properties": {
        "hub": {"type": "object", "additionalProperties": False, "properties": {
            "config": {"type": "object"},
            "concurrentSpawnLimit": {"type": "integer"},
            "activeServerLimit": {"type": "integer"},
            "loadRoles": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["scopes"], "properties": {
                    "description": {"type": "string"}, "scopes": _STR_LIST, "users": _STR_LIST,
                    "groups": _STR_LIST, "services": _STR_LIST}}},
            "services": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": False, "properties": {
                    "url": {"type": "string"}, "apiToken": {"type": ["string", "null"]},
                    "admin": {"type": "boolean"}, "display": {"type": "boolean"}}}},
            "extraConfig": {"type": "object", "additionalProperties": {"type": "string"}},
        }},
        "singleuser": {"type": "object", "additionalProperties": False, "properties": {
            "image": {"type": "object", "additionalProperties": False, "required": ["name", "tag"],
                      "properties": {"name": {"type": "string"}, "tag": {"type": "string"}}},
            "defaultUrl": {"type": "string"},
            "extraEnv": {"type": "object"},
            "cmd": {"type": ["array", "string", "null"]},
            "memory": {"type": "object", "additionalProperties": False, "properties": {
                "limit": {"type": ["string", "null"]}, "guarantee": {"type": ["string", "null"]}}},
            "cpu": {"type": "object", "additionalProperties": False, "properties": {
                "limit": {"type": ["number", "null"]}, "guarantee": {"type": ["number", "null"]}}},
            "storage": {"type": "object", "properties": {
                "type": {"enum": ["dynamic", "static", "none"]}, "capacity": {"type": "string"},
                "homeMountPath": {"type": "string"}}},
            "startTimeout": {"type": "integer"},
            "profileList": {"type": "array", "items": {"type": "object", "required": ["display_name"]}},
            "extraFiles": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["mountPath"], "properties": {
                    "mountPath": {"type": "string"}, "data": {"type": "object"}}}},
        }},
        "cull": {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean"}, "timeout": {"type": "integer"}, "every": {"type": "integer"}}},
        "scheduling": {"type": "object"},
    },
}


def _settings():
    return parse_settings({"hub": {"courses": ["sensoren", "robotik"], "teachers": ["frau-k"],
                                   "admins": ["it"]},
                           "limits": {"mem_limit": "2G", "idle_timeout": 1800, "concurrent_spawn_limit": 12}})


def _store():
    return AccountStore(users={"7a-01": Account("7a-01", "student", ["sensoren"])})


def test_values_match_the_chart_keys_we_use():
    jsonschema.validate(k8s_values(_settings(), accounts=_store()), SCHEMA)


def test_same_groups_roles_and_limits_as_on_one_machine():
    s, store = _settings(), _store()
    v = k8s_values(s, accounts=store, image="registry.schule/lab:1.2")
    assert v["hub"]["config"]["JupyterHub"]["load_groups"] == groups_for(s, store)
    assert v["hub"]["loadRoles"]["formgrade-robotik"]["scopes"] == teacher_scopes("robotik")
    assert v["hub"]["loadRoles"]["formgrade-robotik"]["groups"] == ["formgrade-robotik"]
    auth = v["hub"]["config"]["Authenticator"]
    assert auth == {"admin_users": ["it"], "allowed_users": ["7a-01", "frau-k"]}
    assert v["hub"]["concurrentSpawnLimit"] == 12
    assert v["singleuser"]["memory"]["limit"] == "2G"
    assert v["singleuser"]["image"] == {"name": "registry.schule/lab", "tag": "1.2"}
    assert v["cull"] == {"enabled": True, "timeout": 1800, "every": 300}


def test_ngshare_is_the_exchange_service():
    v = k8s_values(_settings(), namespace="klasse")
    assert v["hub"]["services"]["ngshare"]["url"] == "http://ngshare.klasse.svc.cluster.local:8080"
    assert "ngshare" in v["hub"]["loadRoles"]["ngshare"]["services"]


def test_role_hook_is_valid_python_and_picks_the_role():
    hook = k8s_values(_settings())["hub"]["extraConfig"]["schuelerlab-roles"]

    class Group:
        def __init__(self, name):
            self.name = name

    class Spawner:
        def __init__(self, groups):
            self.user = type("U", (), {"groups": [Group(g) for g in groups]})()
            self.environment = {}

    class C:
        class KubeSpawner:
            pre_spawn_hook = None

    namespace = {"c": C}
    exec(compile(hook, "extraConfig", "exec"), namespace)
    teacher, student = Spawner(["formgrade-sensoren"]), Spawner(["nbgrader-sensoren"])
    C.KubeSpawner.pre_spawn_hook(teacher)
    C.KubeSpawner.pre_spawn_hook(student)
    assert teacher.environment["JUPYTER_CONFIG_PATH"].startswith("/opt/schuelerlab/jupyter/teacher:")
    assert student.environment["SCHUELERLAB_ROLE"] == "student"


def test_no_culling_when_idle_timeout_is_zero():
    assert k8s_values(parse_settings({"limits": {"idle_timeout": 0}}))["cull"]["enabled"] is False


def test_cli_prints_yaml_and_shipped_file_is_current(tmp_path):
    result = CliRunner().invoke(hub, ["k8s-values"])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.output) == k8s_values(load_settings(None))
    assert (K8S / "values.yaml").read_text(encoding="utf-8") == render(load_settings(None))
    jsonschema.validate(yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8")), SCHEMA)


def test_docs_are_german_and_english():
    text = (K8S / "README.md").read_text(encoding="utf-8")
    assert "## Deutsch" in text and "## English" in text and "helm lint" in text
