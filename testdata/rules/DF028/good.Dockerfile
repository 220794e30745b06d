FROM rockylinux:9
RUN dnf install -y httpd && dnf clean all
RUN yum --assumeyes install tar && yum clean all
RUN microdnf install -y shadow-utils && microdnf clean all
FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper --non-interactive install jq && zypper clean -a
USER 1000
