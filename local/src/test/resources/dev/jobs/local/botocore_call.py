"""One jobs API call signed by botocore's SigV4Auth (service execute-api), a signer that is not ours.

Reads the call as JSON on stdin: method, url, region, accessKeyId, secretAccessKey, sessionToken,
and optional contentType and body (text). Sends it with http.client, which adds no Content-Type of
its own (urllib would add a form one), and prints the answer as JSON: status, requestId (the
x-amzn-RequestId header), body.
"""

import http.client
import json
import sys
import urllib.parse

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

call = json.load(sys.stdin)
data = None if call.get("body") is None else call["body"].encode("utf-8")
headers = {}
if call.get("contentType") is not None:
    headers["Content-Type"] = call["contentType"]
request = AWSRequest(method=call["method"], url=call["url"], data=data, headers=headers)
credentials = Credentials(call["accessKeyId"], call["secretAccessKey"], call.get("sessionToken"))
SigV4Auth(credentials, "execute-api", call["region"]).add_auth(request)

url = urllib.parse.urlsplit(call["url"])
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
path = url.path + ("?" + url.query if url.query else "")
connection.request(call["method"], path, body=data, headers=dict(request.headers.items()))
response = connection.getresponse()
json.dump(
    {
        "status": response.status,
        "requestId": response.getheader("x-amzn-RequestId"),
        "body": response.read().decode("utf-8"),
    },
    sys.stdout,
)
