FROM rockylinux:9
# want: DF029
RUN dnf install -y httpd
# want: DF029
RUN yum clean all && yum install -y tar
USER 1000
