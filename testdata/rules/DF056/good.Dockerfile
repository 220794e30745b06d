FROM rockylinux:9
RUN dnf upgrade -y openssl && dnf clean all
RUN yum update -y --disablerepo '*' --enablerepo=baseos glibc && yum clean all
RUN dnf check-update; dnf install -y git-2.43.5 && dnf clean all
FROM opensuse/leap:15.6
RUN zypper -n update curl && zypper -n patch --cve CVE-2024-1234 && zypper -n patch -g security && zypper clean -a
USER 1000
