FROM rockylinux:9
RUN rpm --import https://example.com/RPM-GPG-KEY && dnf install -y --setopt=tsflags=nodocs tool && dnf clean all
RUN rpm -qa --nodeps > /tmp/pkgs
# Packages built earlier in this build are local files: nothing is fetched.
COPY --from=build /out/rpms/ /tmp/rpms/
RUN rpm -i --nosignature /tmp/rpms/app.rpm
USER 1000
