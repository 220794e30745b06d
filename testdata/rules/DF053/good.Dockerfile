FROM centos:7
ARG PKGS="httpd mod_ssl"
RUN yum install -y httpd-2.4.6 'mod_ssl-2.4.6-99.el7.centos.1' bash-0:4.2.46-35.el7_9 && yum clean all
RUN yum install -y /tmp/app-1.0.rpm ./vendor.rpm @core 'perl(JSON)' $PKGS && yum clean all
RUN yum -y module install nodejs:18 && yum -y module enable php && yum clean all
# Upgrading or removing is not installing.
RUN yum -y update-minimal glibc && yum remove -y tar && yum clean all
# dnf and microdnf are DF054.
RUN dnf install -y git && dnf clean all
# Versions given through variables, and names with - and + in them.
ARG GIT_VER=2.43.5
RUN yum install -y "git-core-${GIT_VER}" tomcat-$VERSION gcc-c++-8.5.0 openssl-1:1.1.1k rpm-sign-4.16.1.3 && yum clean all
USER 1000
