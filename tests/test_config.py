from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_file_values_and_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, """
[kiosk]
id = "7501-K02"
site = "7501"
data_dir = "%s"
[central]
url = "https://central.example/api/"
token = "secret"
[printer]
format = "a4"
[retention]
days = 7
""" % (tmp_path / "data"))
    config = load_config(path, env={})
    assert config.kiosk_id == "7501-K02"
    assert config.central_url == "https://central.example/api"
    assert config.printer_format == "a4"
    assert config.retention_days == 7
    assert config.data_dir == tmp_path / "data"
    assert config.idle_warning_s == 90


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[kiosk]\nid = "7501-K02"\n')
    env = {"KIOSK_ID": "1301-K01", "KIOSK_SITE": "1301", "KIOSK_CENTRAL_URL": "http://127.0.0.1:9/api",
           "KIOSK_CENTRAL_TOKEN": "t", "KIOSK_DATA_DIR": str(tmp_path)}
    config = load_config(path, env=env)
    assert (config.kiosk_id, config.site, config.central_token) == ("1301-K01", "1301", "t")
    assert config.central_url == "http://127.0.0.1:9/api"
    assert config.data_dir == tmp_path


def test_config_path_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, '[kiosk]\nsite = "6901"\n')
    assert load_config(env={"KIOSK_CONFIG": str(path)}).site == "6901"
    with pytest.raises(ConfigError, match="KIOSK_CONFIG"):
        load_config(env={"KIOSK_CONFIG": str(tmp_path / "absent.toml")})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[central]\nurl = "ftp://x"\n', "central.url"),
        ('[printer]\nformat = "A5"\n', "printer.format"),
        ('[retention]\ndays = -1\n', "retention.days"),
        ('[session]\nidle_warning_s = "long"\n', "session.idle_warning_s"),
        ('[kiosk]\nid = "75 01"\n', "kiosk.id"),
        ('[kiosk]\nunknown = 1\n', "kiosk.unknown"),
        ('[sync]\nbackoff_base_s = 10\nbackoff_max_s = 1\n', "sync.backoff_max_s"),
        ('[kiosk\n', "illisible"),
    ],
)
def test_wrong_value_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_config(write(tmp_path, text), env={})


def test_wrong_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="KIOSK_CENTRAL_URL"):
        load_config(tmp_path / "none.toml", env={"KIOSK_CENTRAL_URL": "not a url"})
