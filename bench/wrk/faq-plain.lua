-- wrk script: WeChat plain-mode FAQ messages with unique MsgIds from FOLLOWERS followers per thread.
-- Plain mode signs only token, timestamp and nonce, so faq-plain.sh computes one signature for the run.
local counter = 0
local thread_id = 0
local followers = tonumber(os.getenv("FOLLOWERS") or "200")
local questions = { "买教辅资料是必须的吗", "学校可以收课后服务费吗", "校服必须在学校买吗", "学校收取补课费合理吗", "公办学校能收择校费吗" }
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  base = os.time() * 1000000 + thread_id * 100000000000
end

request = function()
  counter = counter + 1
  local follower = string.format("oWrk%02d%06d", thread_id, counter % followers)
  local body = "<xml><ToUserName><![CDATA[gh_bench000001]]></ToUserName><FromUserName><![CDATA[" .. follower
    .. "]]></FromUserName><CreateTime>" .. os.time() .. "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
    .. questions[(counter % #questions) + 1] .. "]]></Content><MsgId>" .. (base + counter) .. "</MsgId></xml>"
  return wrk.format("POST", os.getenv("WECHAT_PATH"), { ["Content-Type"] = "text/xml" }, body)
end
