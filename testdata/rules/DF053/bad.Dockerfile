FROM centos:7
# want: DF053
RUN yum install -y httpd && yum clean all
RUN yum install -y \
        tar-1.26 \
    # want: DF053
    && yum -y --disablerepo '*' --enablerepo=base install \
        python3-devel \
        gcc-4.8.5-44.el7 \
    && yum clean all
# want: DF053
RUN sudo yum -y install git && sudo yum clean all
# want: DF053
RUN sh -c 'yum install -y make && yum clean all'
RUN <<EOF
set -e
# want: DF053
yum install -y "wget"
yum clean all
EOF
# want: DF053
RUN yum -y module install nodejs && yum clean all
# want: DF053
ONBUILD RUN yum install -y tomcat && yum clean all
USER 1000
