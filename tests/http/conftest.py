"""Fixtures for the HTTP tests: whole stacks started with `./dev serve`.

  stack        one stack shared by the whole session (most tests)
  fresh_stack  factory for tests that break things (kill processes, damage
               the database): fresh_stack(**env) -> Stack, stopped and
               removed after the test
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stack as stackmod  # noqa: E402


@pytest.fixture(scope="session")
def stack():
    s = stackmod.start_stack(log_name="session")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def fresh_stack(request):
    started = []

    def make(**env):
        name = request.node.name
        if started:
            name += "-%d" % len(started)
        s = stackmod.start_stack(log_name=name, **env)
        started.append(s)
        return s

    yield make
    errors = []
    for s in started:
        try:
            s.close()
        except BaseException as e:  # pytest.fail raises a BaseException
            errors.append(str(e))
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


@pytest.fixture
def build_dir():
    return stackmod.require_build()


@pytest.fixture
def repo():
    return stackmod.REPO


@pytest.fixture
def test_output():
    return stackmod.output_dir()
