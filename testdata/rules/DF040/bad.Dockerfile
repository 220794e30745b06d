FROM alpine:3.20
# want: DF040
MAINTAINER Jane Doe <jane@example.com>
USER 1000
