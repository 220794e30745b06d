# METADATA
# title: Ingress serves plain HTTP (no tls section)
# description: >-
#   An Ingress without `spec.tls` serves its hosts over unencrypted HTTP unless TLS is
#   terminated in front of it, so credentials and session cookies cross the network in clear
#   text. Ingresses whose load balancer certificate is set by a well-known cloud annotation
#   are not reported. Low: TLS may be terminated elsewhere.
# related_resources:
# - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
# custom:
#   id: KS069
#   severity: low
#   applies_to: [Ingress]
#   remediation: >-
#     Add a `spec.tls` entry with the hosts and a TLS Secret (for example issued by
#     cert-manager), and redirect HTTP to HTTPS.
package shiplint.kubernetes.ingress_no_tls

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Annotations that attach a certificate at the cloud load balancer.
tls_annotations := {
	"alb.ingress.kubernetes.io/certificate-arn",
	"service.beta.kubernetes.io/aws-load-balancer-ssl-cert",
	"ingress.gcp.kubernetes.io/pre-shared-cert",
	"networking.gke.io/managed-certificates",
	"appgw.ingress.kubernetes.io/appgw-ssl-certificate",
	"cert-manager.io/cluster-issuer",
	"cert-manager.io/issuer",
}

deny contains lib.finding(msg, ["resource", "spec", "tls"]) if {
	input.resourceKind == "Ingress"
	count(object.get(input.resource, ["spec", "tls"], [])) == 0
	not cloud_tls
	msg := sprintf("%s has no tls section and serves plain HTTP", [k8s.resource])
}

cloud_tls if {
	some key, _ in input.resource.metadata.annotations
	key in tls_annotations
}
