"""The playground page in headless Chromium (Debian's, installed by scripts/setup.d/chromium.sh): type a
prompt, press Generate, read the streamed answer. The screenshot is kept in test-artifacts/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codellama.generation import Generator, SamplingParams
from tests.support.models import tiny_model
from tests.support.server import running_server

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# as root, in a machine without a network: no sandbox, no background connections
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run scripts/setup.sh (it installs Debian's chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def test_playground_streams_a_completion_and_a_chat(browser, smol_tokenizer):
    reference = Generator(tiny_model(), smol_tokenizer)
    prompt = "def is_prime(n):"
    expected = reference.complete(prompt, SamplingParams(max_new_tokens=24, temperature=0))[0].text
    chat_expected = reference.chat(
        [{"role": "user", "content": "Reverse a list in Python."}], SamplingParams(max_new_tokens=24, temperature=0)
    ).text
    with running_server(Generator(tiny_model(), smol_tokenizer), model_name="tiny", api_key="k") as server:
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.goto(server.url + "/")
        page.fill("#api_key", "k")
        page.dispatch_event("#api_key", "change")
        page.fill("#prompt", prompt)
        page.fill("#max_tokens", "24")
        page.click("#generate")
        page.wait_for_function("document.querySelector('#status').textContent.startsWith('done')", timeout=60_000)
        assert page.inner_text("#output") == prompt + expected
        assert "pieces" in page.inner_text("#status")  # it streamed
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "playground-complete.png"), full_page=True)

        page.click("nav button[data-mode=chat]")
        page.fill("#message", "Reverse a list in Python.")
        page.click("#generate")
        page.wait_for_function("document.querySelector('#status').textContent.startsWith('done')", timeout=60_000)
        assert page.inner_text("#output") == chat_expected
        page.screenshot(path=str(ARTIFACTS / "playground-chat.png"), full_page=True)

        page.fill("#api_key", "wrong")
        page.click("#generate")
        page.wait_for_selector("#status .error", timeout=60_000)
        assert "API key" in page.inner_text("#status")
        page.close()
