"""With a read replica configured, reads go to it and writes (and reads after them) do not."""

from jiulongpo import routers
from jiulongpo.routers import ReadReplicaRouter
from projects.models import Project


def test_reads_go_to_the_replica_when_nothing_was_written_lately():
    routers._state.primary_until = 0
    assert ReadReplicaRouter().db_for_read(Project) == "replica"


def test_writes_go_to_the_primary_and_the_next_reads_follow():
    router = ReadReplicaRouter()
    assert router.db_for_write(Project) == "default"
    assert router.db_for_read(Project) == "default"


def test_migrations_run_on_the_primary_only():
    router = ReadReplicaRouter()
    assert router.allow_migrate("default", "projects")
    assert not router.allow_migrate("replica", "projects")
