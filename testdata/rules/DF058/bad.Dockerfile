FROM rockylinux:9
ENV EPEL=https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm
# want: DF058
RUN dnf install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm && dnf clean all
# want: DF058
RUN dnf install -y "$EPEL" && dnf clean all
RUN set -e \
    # want: DF058
    && rpm -Uvh https://repo.example.org/vendor-release-1.0-1.noarch.rpm \
    && dnf clean all
# want: DF058
RUN sudo yum -y localinstall http://repo.example.org/tool-2.1-1.el9.x86_64.rpm && yum clean all
# want: DF058
RUN sh -c 'rpm -ivh --force https://repo.example.org/agent-3.0-1.x86_64.rpm'
USER 1000
