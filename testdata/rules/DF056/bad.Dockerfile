FROM centos:7
# want: DF056
RUN yum -y update && yum clean all
FROM rockylinux:9
RUN dnf install -y tar-1.34 \
    # want: DF056
    && dnf upgrade -y --refresh \
    && dnf clean all
# want: DF056
RUN sudo dnf -y --disablerepo '*' --enablerepo=baseos distro-sync && dnf clean all
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
# want: DF056
RUN microdnf update -y && microdnf clean all
FROM opensuse/tumbleweed
# want: DF056
RUN zypper --non-interactive dist-upgrade && zypper clean -a
# want: DF056
RUN sh -c 'zypper -n dup' && zypper clean -a
RUN <<EOF
# want: DF056
zypper -n patch
# want: DF056
zypper -n up
zypper clean -a
EOF
USER 1000
