#!/usr/bin/env bash
# Builds a Java 17 base image from Debian's packages alone, for machines that reach Debian's archive
# but no container registry (this project's CI). Dockerfile.jvm builds on it unchanged, its FROM
# replaced at build time:
#
#   src/main/docker/debian-base.sh                       # once per machine; about a minute
#   podman build --from localhost/frontline-guard-base:bookworm -f src/main/docker/Dockerfile.jvm -t frontline-guard:1.0.0-SNAPSHOT .
#
# Needs root, debootstrap and podman (apt-get install debootstrap podman). Where a registry is
# reachable, use the FROM line of Dockerfile.jvm as it is and skip this.
set -euo pipefail
image="${1:-localhost/frontline-guard-base:bookworm}"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
# The same two things the FROM image gives the Dockerfile: a Java 17 runtime, and groupadd/useradd.
debootstrap --variant=minbase --include=openjdk-17-jre-headless,passwd bookworm "$root" >&2
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | podman import --change 'CMD ["/bin/sh"]' - "$image" >&2
echo "$image"
