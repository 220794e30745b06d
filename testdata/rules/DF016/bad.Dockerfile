FROM node:22-slim
# want: DF016
ENV DB_PASSWORD=s3cr3t-Pa55
ENV APP_ENV=production \
    # want: DF016
    STRIPE_API_KEY="sk_live_51HqLyjWDarjtT1zdp7dc"
# want: DF016
ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Rt1Lm3
USER node
# want: DF016
ENV MYSQL_ROOT_PASSWORD=MySecureRootDatabasePassword
# want: DF016
ENV SECRET_JWT_SECRET good_luck_have_fun
ENV SECRET_PORT=3000 \
    # want: DF016
    dbPassword=mysql
# want: DF016
ENV LICENSE_KEY lgNvGyhnUKpa5PJi
