FROM rockylinux:9
# want: DF028
RUN dnf install -y httpd && dnf clean all
# want: DF028
RUN yum -q update -y && yum clean all
# want: DF028
RUN microdnf --setopt=install_weak_deps=0 install -y shadow-utils && microdnf clean all
FROM opensuse/leap:15.6
# want: DF028
RUN zypper install -y curl && zypper clean -a
USER 1000
