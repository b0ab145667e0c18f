// Tests for DocumentReader: JSON Lines, wire articles, directories, stdin, real corpora.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ingest/ingest.h"

#ifndef DYAD_SHARED_DIR
#define DYAD_SHARED_DIR "../shared"
#endif

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;

struct Result {
  std::vector<RawDocument> docs;
  std::vector<Reject> rejects;
  std::vector<Reject> warnings;
};

Result read_all(const std::vector<std::string>& inputs, ReaderOptions options = {}) {
  Result r;
  DocumentReader reader(inputs, options);
  RawDocument doc;
  while (reader.next(
      doc, [&](const Reject& x) { r.rejects.push_back(x); },
      [&](const Reject& x) { r.warnings.push_back(x); })) {
    r.docs.push_back(doc);
  }
  return r;
}

std::string describe(const Result& r) {
  std::string s;
  for (const auto& x : r.rejects)
    s += "reject " + x.file + ":" + std::to_string(x.line) + " [" + x.doc_id + "] " + x.reason +
         "\n";
  for (const auto& x : r.warnings)
    s += "warning " + x.file + ":" + std::to_string(x.line) + " " + x.reason + "\n";
  return s;
}

// A fresh directory per test under the GoogleTest temporary directory.
class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / ("dyad_ingest_" + std::string(info->test_suite_name()) +
                                             "_" + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

  fs::path dir_;
};

const std::string kGood1 =
    R"({"id":"g1","date":"2019-07-11","text":"The minister met the envoy."})";
const std::string kGood2 = R"({"id":"g2","date":"2020-02-29","text":"Talks resumed."})";

// ---------------------------------------------------------------- JSON Lines

TEST_F(IngestTest, ValidJsonLines) {
  std::string path = write(
      "a.jsonl",
      R"({"id":"r1","date":"1987-02-26","title":"COCOA","source":"Reuters","url":"http://x/1","text":"SALVADOR, Feb 26 - Showers continued.\n\nMore."})"
      "\n"
      R"({"id":"r2","date":"2019-07-11","text":"Plain text, \"quoted\" \u00e9.","extra":{"k":[1,2.5e3,true,null]}})"
      "\n" +
          kGood1 + "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 3u) << describe(r);
  EXPECT_TRUE(r.rejects.empty());
  EXPECT_TRUE(r.warnings.empty()) << describe(r);
  const RawDocument& d = r.docs[0];
  EXPECT_EQ(d.id, "r1");
  EXPECT_EQ(d.date, "1987-02-26");
  EXPECT_EQ(d.title, "COCOA");
  EXPECT_EQ(d.source, "Reuters");
  EXPECT_EQ(d.url, "http://x/1");
  EXPECT_EQ(d.text, "SALVADOR, Feb 26 - Showers continued.\n\nMore.");
  EXPECT_EQ(d.origin_file, path);
  EXPECT_EQ(d.origin_line, 1u);
  ASSERT_TRUE(d.dateline.has_value());
  EXPECT_EQ(d.dateline->place, "SALVADOR");
  EXPECT_EQ(d.dateline->month, 2);
  EXPECT_EQ(d.dateline->day, 26);
  EXPECT_EQ(r.docs[1].text, "Plain text, \"quoted\" \xC3\xA9.");
  EXPECT_EQ(r.docs[1].title, "");
  EXPECT_FALSE(r.docs[1].dateline.has_value());
  EXPECT_EQ(r.docs[1].origin_line, 2u);
  EXPECT_EQ(r.docs[2].id, "g1");
}

// The reader measures the dateline where the text opens with it, so that the coder need not
// parse it again: the length must be what parse_dateline gives on the text itself, 0 when the
// text has none, and unset where the text does not open with its first line (the coder then
// parses the text as it is).
TEST_F(IngestTest, JsonDatelineLengthIsTheCodersOwnParse) {
  std::string path = write(
      "len.jsonl",
      R"({"id":"a","date":"1987-02-26","text":"SALVADOR, Feb 26 - Showers continued.\nMore."})"
      "\n"
      R"({"id":"b","date":"1987-02-26","text":"Showers continued in Bahia."})"
      "\n"
      R"({"id":"c","date":"1987-02-26","text":"\nLONDON, Feb 26 - Prices rose."})"
      "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 3u) << describe(r);
  for (size_t k = 0; k < 2; ++k) {
    const RawDocument& d = r.docs[k];
    size_t consumed = 0;
    const bool parsed = parse_dateline(d.text, &consumed).has_value();
    ASSERT_TRUE(d.dateline_length.has_value()) << d.id;
    EXPECT_EQ(*d.dateline_length, parsed ? consumed : 0) << d.id;
  }
  EXPECT_EQ(*r.docs[0].dateline_length, std::string_view("SALVADOR, Feb 26 - ").size());
  EXPECT_EQ(*r.docs[1].dateline_length, 0u);
  // A leading newline: the reader's first line is not where the coder's parse starts.
  ASSERT_TRUE(r.docs[2].dateline.has_value());
  EXPECT_FALSE(r.docs[2].dateline_length.has_value());
}

TEST_F(IngestTest, NumericIdAndNullOptionalFields) {
  std::string path =
      write("n.jsonl", R"({"id": 12345, "date": "2019-01-02", "title": null, "text": "x"})"
                       "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].id, "12345");
  EXPECT_EQ(r.docs[0].title, "");
}

TEST_F(IngestTest, IsoDateTimeKeepsTheDatePart) {
  std::string path = write("t.jsonl", R"({"id":"a","date":"2019-04-10T08:30:00Z","text":"x"})"
                                      "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].date, "2019-04-10");
}

struct BadLine {
  std::string name;
  std::string line;
  std::string reason;  // expected substring
  std::string doc_id;  // expected id in the reject
};

class JsonRejects : public IngestTest, public ::testing::WithParamInterface<BadLine> {};

// Each bad line between two good ones: exactly one reject naming file and line 2.
TEST_P(JsonRejects, OneRejectWithFileLineAndReason) {
  const BadLine& b = GetParam();
  std::string path = write("bad.jsonl", kGood1 + "\n" + b.line + "\n" + kGood2 + "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 2u) << describe(r);
  ASSERT_EQ(r.rejects.size(), 1u) << describe(r);
  const Reject& x = r.rejects[0];
  EXPECT_EQ(x.file, path);
  EXPECT_EQ(x.line, 2u);
  EXPECT_NE(x.reason.find(b.reason), std::string::npos) << x.reason;
  EXPECT_EQ(x.reason.find('\n'), std::string::npos) << "reason must be one line";
  EXPECT_EQ(x.doc_id, b.doc_id);
  EXPECT_EQ(r.docs[1].origin_line, 3u);
}

INSTANTIATE_TEST_SUITE_P(
    AllReasons, JsonRejects,
    ::testing::Values(
        BadLine{"TruncatedObject", R"({"id":"b","text":"unfinished)", "invalid JSON", ""},
        BadLine{"MissingComma", R"({"id":"b" "text":"x"})", "invalid JSON", "b"},
        BadLine{"TrailingComma", R"({"id":"b","text":"x",})", "invalid JSON", "b"},
        BadLine{"TrailingGarbage", R"({"id":"b","text":"x"} tail)", "invalid JSON", ""},
        BadLine{"SecondObject", R"({"id":"b","text":"x"}{"id":"c"})", "invalid JSON", "b"},
        BadLine{"BadLiteralInIgnoredKey", R"({"id":"b","text":"x","flag":tru})", "invalid JSON",
                "b"},
        BadLine{"BadNestedValue", R"({"id":"b","meta":[1,{"x":]},"text":"x"})", "invalid JSON",
                "b"},
        BadLine{"BadNumber", R"({"id":"b","text":"x","n":01})", "invalid JSON", "b"},
        BadLine{"BadEscape", R"({"id":"b","text":"a\qb"})", "invalid JSON", "b"},
        BadLine{"RawControlChar", "{\"id\":\"b\",\"text\":\"a\tb\"}", "invalid JSON", ""},
        BadLine{"NotJsonAtAll", "hello world", "invalid JSON", ""},
        BadLine{"NotAnObject", "[1,2,3]", "not a JSON object", ""},
        BadLine{"StringNotObject", R"("just a string")", "not a JSON object", ""},
        BadLine{"InvalidUtf8", "{\"id\":\"b\",\"text\":\"caf\xE9\"}", "invalid UTF-8 at column 22",
                ""},
        BadLine{"Overlong", "{\"id\":\"b\",\"text\":\"\xC0\xAF\"}", "invalid UTF-8", ""},
        BadLine{"NulByte", std::string("{\"id\":\"b\",\"text\":\"a\0b\"}", 23), "NUL byte", ""},
        BadLine{"EscapedNul", R"({"id":"b","text":"a\u0000b"})", "NUL", "b"},
        BadLine{"MissingId", R"({"text":"x"})", "missing \"id\"", ""},
        BadLine{"NullId", R"({"id":null,"text":"x"})", "\"id\" must be a string or a number", ""},
        BadLine{"EmptyId", R"({"id":"","text":"x"})", "empty \"id\"", ""},
        BadLine{"MissingText", R"({"id":"b","date":"2019-01-01"})", "missing \"text\"", "b"},
        BadLine{"EmptyText", R"({"id":"b","text":""})", "empty text", "b"},
        BadLine{"BlankText", R"({"id":"b","text":" \n\t "})", "empty text", "b"},
        BadLine{"NumberText", R"({"id":"b","text":42})", "\"text\" is not a string", "b"},
        BadLine{"NullText", R"({"id":"b","text":null})", "\"text\" is not a string", "b"},
        BadLine{"ImpossibleDate", R"({"id":"b","date":"2019-02-30","text":"x"})",
                "impossible date \"2019-02-30\"", "b"},
        BadLine{"ImpossibleMonth", R"({"id":"b","date":"2019-13-01","text":"x"})",
                "impossible date", "b"},
        BadLine{"DateNotIso", R"({"id":"b","date":"26 Feb 1987","text":"x"})", "is not YYYY-MM-DD",
                "b"},
        BadLine{"DateNumber", R"({"id":"b","date":19870226,"text":"x"})", "\"date\" must be", "b"},
        BadLine{"DuplicateText", R"({"id":"b","text":"x","text":"y"})", "duplicate key", "b"}),
    [](const auto& info) { return info.param.name; });

TEST_F(IngestTest, NullOrMissingDateWarnsButKeepsTheDocument) {
  std::string path = write("bbc.jsonl", R"({"id":"bbc-1","date":null,"title":"T","text":"x"})"
                                        "\n"
                                        R"({"id":"bbc-2","text":"y"})"
                                        "\n"
                                        R"({"id":"bbc-3","date":"","text":"z"})"
                                        "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 3u) << describe(r);
  EXPECT_TRUE(r.rejects.empty());
  ASSERT_EQ(r.warnings.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.docs[i].date, "");
    EXPECT_EQ(r.warnings[i].reason, "no publication date; relative dates stay unresolved");
    EXPECT_EQ(r.warnings[i].file, path);
    EXPECT_EQ(r.warnings[i].line, i + 1);
    EXPECT_EQ(r.warnings[i].doc_id, r.docs[i].id);
  }
}

TEST_F(IngestTest, RequireDateTurnsTheWarningIntoAReject) {
  std::string path = write("bbc.jsonl", R"({"id":"bbc-1","date":null,"text":"x"})"
                                        "\n" +
                                            kGood1 + "\n");
  ReaderOptions opt;
  opt.require_date = true;
  Result r = read_all({path}, opt);
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 1u);
  EXPECT_EQ(r.rejects[0].doc_id, "bbc-1");
  EXPECT_NE(r.rejects[0].reason.find("date"), std::string::npos);
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(IngestTest, WrongTypeOptionalFieldIsAWarning) {
  std::string path = write("w.jsonl", R"({"id":"a","date":"2019-01-01","title":7,"text":"x"})"
                                      "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].reason.find("\"title\""), std::string::npos);
  EXPECT_EQ(r.docs[0].title, "");
}

// Found by fuzz/fuzz_ingest_jsonl.cpp: the reason for malformed JSON inside an ignored key
// quoted the key as decoded, so a key with an escaped newline broke the one-line reason (and the
// one-line stderr report). Such keys are now shown like values: control bytes escaped, long
// keys cut.
TEST_F(IngestTest, RejectReasonQuotesAnIgnoredKeySafely) {
  std::string path = write("k.jsonl", R"({"id":"a","text":"x","bad\nkey\u0001":[1,]})"
                                      "\n" R"({"id":"b","text":"x",")" +
                                          std::string(100, 'k') + R"(":tru})" + "\n");
  Result r = read_all({path});
  ASSERT_EQ(r.rejects.size(), 2u) << describe(r);
  for (const Reject& x : r.rejects) {
    EXPECT_EQ(x.reason.find('\n'), std::string::npos) << x.reason;
    EXPECT_EQ(x.reason.find('\x01'), std::string::npos) << x.reason;
  }
  EXPECT_NE(r.rejects[0].reason.find(R"(in "bad\x0Akey\x01")"), std::string::npos)
      << r.rejects[0].reason;
  EXPECT_NE(r.rejects[1].reason.find("kkk...\""), std::string::npos) << r.rejects[1].reason;

  // A long key is cut at a character boundary: the reason stays valid UTF-8.
  std::string wide = write("w.jsonl", R"({"id":"c","text":"x",")" + std::string(39, 'k') +
                                          "\xC3\xA9\xC3\xA9" + R"(":tru})" + "\n");
  Result w = read_all({wide});
  ASSERT_EQ(w.rejects.size(), 1u) << describe(w);
  EXPECT_NE(w.rejects[0].reason.find(std::string(39, 'k') + "...\""), std::string::npos)
      << w.rejects[0].reason;
}

// Every non-blank line is exactly one document or one reject; line numbers count blank lines.
TEST_F(IngestTest, EveryNonBlankLineIsAccountedFor) {
  std::mt19937 rng(42);
  std::string content;
  size_t non_blank = 0;
  std::vector<uint64_t> good_lines, bad_lines;
  for (uint64_t line = 1; line <= 500; ++line) {
    switch (rng() % 6) {
      case 0:
        content += (rng() % 2) ? "\n" : "   \t\r\n";
        continue;
      case 1:
        content += R"({"id":"x)" + std::to_string(line) +
                   R"(","text":""})"
                   "\n";
        bad_lines.push_back(line);
        break;
      case 2:
        content += "{broken\n";
        bad_lines.push_back(line);
        break;
      default:
        content += R"({"id":"x)" + std::to_string(line) +
                   R"(","date":"2019-01-01","text":"t"})"
                   "\r\n";
        good_lines.push_back(line);
    }
    ++non_blank;
  }
  std::string path = write("mix.jsonl", content);
  Result r = read_all({path});
  EXPECT_EQ(r.docs.size() + r.rejects.size(), non_blank);
  ASSERT_EQ(r.docs.size(), good_lines.size());
  ASSERT_EQ(r.rejects.size(), bad_lines.size());
  for (size_t i = 0; i < good_lines.size(); ++i) {
    EXPECT_EQ(r.docs[i].origin_line, good_lines[i]);
    EXPECT_EQ(r.docs[i].id, "x" + std::to_string(good_lines[i]));
  }
  for (size_t i = 0; i < bad_lines.size(); ++i) EXPECT_EQ(r.rejects[i].line, bad_lines[i]);
}

// Lines larger than the 1 MiB read chunk, with newlines falling at every kind of boundary.
TEST_F(IngestTest, LinesSpanningReadChunks) {
  std::mt19937 rng(7);
  std::string content;
  std::vector<size_t> sizes;
  for (int i = 0; i < 40; ++i) {
    size_t n = (i % 5 == 0) ? (3u << 20) + rng() % 1000 : rng() % 200000;
    sizes.push_back(n);
    content += R"({"id":"d)" + std::to_string(i) + R"(","date":"2019-01-01","text":")" +
               std::string(n + 1, 'a') + "\"}\n";
  }
  std::string path = write("big.jsonl", content);
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), sizes.size()) << describe(r);
  for (size_t i = 0; i < sizes.size(); ++i) {
    EXPECT_EQ(r.docs[i].id, "d" + std::to_string(i));
    EXPECT_EQ(r.docs[i].text.size(), sizes[i] + 1);
  }
}

TEST_F(IngestTest, TenMegabyteLineOverAnEightMegabyteLimit) {
  std::string huge = R"({"id":"huge","text":")" + std::string(10u << 20, 'x') + "\"}";
  huge.resize(10u << 20);  // exactly 10 MiB (the JSON is cut short; it must not matter)
  std::string path = write("huge.jsonl", kGood1 + "\n" + huge + "\n" + kGood2 + "\n" + huge);
  ReaderOptions opt;
  opt.max_document_bytes = 8u << 20;
  Result r = read_all({path}, opt);
  ASSERT_EQ(r.docs.size(), 2u) << describe(r);
  EXPECT_EQ(r.docs[1].id, "g2");
  EXPECT_EQ(r.docs[1].origin_line, 3u);
  ASSERT_EQ(r.rejects.size(), 2u);
  EXPECT_EQ(r.rejects[0].line, 2u);
  EXPECT_EQ(r.rejects[0].reason, "line of 10485760 bytes exceeds the limit of 8388608");
  EXPECT_EQ(r.rejects[1].line, 4u);  // the last line, without a trailing newline
  EXPECT_EQ(r.rejects[1].reason, "line of 10485760 bytes exceeds the limit of 8388608");
}

TEST_F(IngestTest, LimitIsInclusive) {
  std::string line = R"({"id":"a","text":")";
  line += std::string(100 - line.size() - 2, 'x') + "\"}";
  ASSERT_EQ(line.size(), 100u);
  std::string path = write("limit.jsonl", line + "\n" + line + " \n");
  ReaderOptions opt;
  opt.max_document_bytes = 100;
  Result r = read_all({path}, opt);
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].reason, "line of 101 bytes exceeds the limit of 100");
}

TEST_F(IngestTest, ByteOrderMarkAndCrlf) {
  std::string path = write("bom.jsonl", "\xEF\xBB\xBF" + kGood1 + "\r\n" + kGood2 + "\r\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 2u) << describe(r);
  EXPECT_TRUE(r.rejects.empty());
}

TEST_F(IngestTest, EmptyJsonLinesFileWarns) {
  std::string path = write("empty.jsonl", "\n  \n");
  Result r = read_all({path});
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.rejects.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].reason.find("empty file"), std::string::npos);
}

TEST_F(IngestTest, GzipFileIsRejectedWhole) {
  std::string path = write("c.jsonl", std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8));
  Result r = read_all({path});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 0u);
  EXPECT_NE(r.rejects[0].reason.find("gzip"), std::string::npos);
}

// ---------------------------------------------------------------- unreadable inputs

TEST_F(IngestTest, MissingPathIsRejectedWithLineZero) {
  std::string missing = (dir_ / "no_such_file.jsonl").string();
  std::string good = write("ok.jsonl", kGood1 + "\n");
  Result r = read_all({missing, good});
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].file, missing);
  EXPECT_EQ(r.rejects[0].line, 0u);
  EXPECT_NE(r.rejects[0].reason.find("cannot open"), std::string::npos);
  ASSERT_EQ(r.docs.size(), 1u);  // reading goes on
}

TEST_F(IngestTest, PermissionDeniedIsRejected) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read files without permission";
  std::string path = write("secret.jsonl", kGood1 + "\n");
  ::chmod(path.c_str(), 0);
  Result r = read_all({path});
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 0u);
  EXPECT_NE(r.rejects[0].reason.find("cannot open"), std::string::npos);
}

// ---------------------------------------------------------------- wire articles

// Same shape as the reference wire article: " date YYYY-MM-DD Place, Country, Month Day".
const std::string kWireArticle =
    " date 2021-03-04 Ganja, Azerbaijan, March 4\n"
    "\n"
    "Newswire:\n"
    "\n"
    "The Minister of Agriculture met with a visiting delegation from Georgia on March 3, the "
    "ministry said.\n"
    "\n"
    "Both sides praised the growing trade between the two countries.\n";

TEST_F(IngestTest, WireArticleInTheReferenceShape) {
  std::string path = write("017_abc.txt", kWireArticle);
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_TRUE(r.rejects.empty());
  EXPECT_TRUE(r.warnings.empty()) << describe(r);
  const RawDocument& d = r.docs[0];
  EXPECT_EQ(d.id, "017_abc");
  EXPECT_EQ(d.date, "2021-03-04");
  EXPECT_EQ(d.origin_file, path);
  EXPECT_EQ(d.origin_line, 1u);
  ASSERT_TRUE(d.dateline.has_value());
  EXPECT_EQ(d.dateline->place, "Ganja");
  EXPECT_EQ(d.dateline->country, "Azerbaijan");
  EXPECT_EQ(d.dateline->month, 3);
  EXPECT_EQ(d.dateline->day, 4);
  // The text is the file's bytes after the header, leading blank lines stripped.
  EXPECT_EQ(d.text, kWireArticle.substr(kWireArticle.find("Newswire:")));
}

TEST_F(IngestTest, WireDatelineOnItsOwnLine) {
  std::string path =
      write("own.txt", "date 2021-03-04\r\nGanja, Azerbaijan, March 4\r\n\r\nBody text.\r\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].date, "2021-03-04");
  ASSERT_TRUE(r.docs[0].dateline.has_value());
  EXPECT_EQ(r.docs[0].dateline->place, "Ganja");
  EXPECT_EQ(r.docs[0].text, "Body text.\r\n");
}

TEST_F(IngestTest, WireDatelineStartingTheBodyStaysInTheText) {
  std::string path = write("body.txt", " date 1987-02-26\nLONDON, Feb 26 - Prices rose.\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  ASSERT_TRUE(r.docs[0].dateline.has_value());
  EXPECT_EQ(r.docs[0].dateline->place, "LONDON");
  EXPECT_EQ(r.docs[0].text, "LONDON, Feb 26 - Prices rose.\n");
}

TEST_F(IngestTest, WireWithoutDateLineWarns) {
  std::string path = write("nodate.txt", "\n\nWASHINGTON (Reuters) - The Senate voted.\n");
  Result r = read_all({path});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].date, "");
  EXPECT_EQ(r.docs[0].text, "WASHINGTON (Reuters) - The Senate voted.\n");
  ASSERT_TRUE(r.docs[0].dateline.has_value());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].reason, "no publication date; relative dates stay unresolved");

  ReaderOptions opt;
  opt.require_date = true;
  Result strict = read_all({path}, opt);
  EXPECT_TRUE(strict.docs.empty());
  ASSERT_EQ(strict.rejects.size(), 1u);
  EXPECT_EQ(strict.rejects[0].doc_id, "nodate");
}

TEST_F(IngestTest, WireImpossibleDate) {
  std::string path = write("bad.txt", " date 2019-02-30 Baku, Azerbaijan, Feb 30\n\nText.\n");
  Result r = read_all({path});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 1u);
  EXPECT_NE(r.rejects[0].reason.find("impossible date"), std::string::npos);
}

TEST_F(IngestTest, WireEmptyFiles) {
  std::string empty = write("empty.txt", "");
  std::string blank = write("blank.txt", " \n\t\r\n\n");
  Result r = read_all({empty, blank});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 2u);
  for (const Reject& x : r.rejects) EXPECT_EQ(x.reason, "empty file");
  EXPECT_EQ(r.rejects[0].file, empty);
  EXPECT_EQ(r.rejects[1].file, blank);
}

TEST_F(IngestTest, WireHeaderOnlyIsEmptyText) {
  std::string path = write("header.txt", " date 2021-03-04 Ganja, Azerbaijan, March 4\n\n\n");
  Result r = read_all({path});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_NE(r.rejects[0].reason.find("empty text"), std::string::npos);
}

TEST_F(IngestTest, WireBinaryFiles) {
  std::string nul = write("nul.txt", std::string("Some text\nmore\0\0\0binary", 24));
  std::string noise;
  for (int i = 0; i < 2000; ++i) noise += static_cast<char>(1 + (i * 7) % 30);
  std::string ctrl = write("ctrl.txt", noise);
  Result r = read_all({nul, ctrl});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 2u);
  EXPECT_NE(r.rejects[0].reason.find("binary file"), std::string::npos);
  EXPECT_EQ(r.rejects[0].line, 2u);
  EXPECT_NE(r.rejects[1].reason.find("binary file"), std::string::npos);
}

TEST_F(IngestTest, WireInvalidUtf8NamesTheLine) {
  std::string path = write("latin1.txt", " date 2021-03-04\n\nFirst line.\nCaf\xE9 au lait.\n");
  Result r = read_all({path});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 4u);
  EXPECT_NE(r.rejects[0].reason.find("invalid UTF-8 at column 4"), std::string::npos)
      << r.rejects[0].reason;
}

TEST_F(IngestTest, WireFileOverTheLimit) {
  std::string path = write("long.txt", " date 2021-03-04\n\n" + std::string(5000, 'a') + "\n");
  ReaderOptions opt;
  opt.max_document_bytes = 1000;
  Result r = read_all({path}, opt);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].reason, "file of 5019 bytes exceeds the limit of 1000");
}

TEST_F(IngestTest, ReferenceWireArticle) {
  fs::path ref = fs::path(DYAD_SHARED_DIR) / "examples" / "000_05bb3df416e97f7a.txt";
  if (!fs::exists(ref)) GTEST_SKIP() << ref << " not present";
  Result r = read_all({ref.string()});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_TRUE(r.rejects.empty());
  EXPECT_TRUE(r.warnings.empty()) << describe(r);
  const RawDocument& d = r.docs[0];
  EXPECT_EQ(d.id, "000_05bb3df416e97f7a");
  EXPECT_EQ(d.date, "2019-07-11");
  ASSERT_TRUE(d.dateline.has_value());
  EXPECT_EQ(d.dateline->place, "Baku");
  EXPECT_EQ(d.dateline->country, "Azerbaijan");
  EXPECT_EQ(d.dateline->month, 7);
  EXPECT_EQ(d.dateline->day, 11);
  std::ifstream in(ref, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t body = bytes.find_first_not_of("\r\n", bytes.find('\n'));
  EXPECT_EQ(d.text, bytes.substr(body));  // byte-exact after the header
}

// ---------------------------------------------------------------- formats and directories

TEST_F(IngestTest, DirectoryIsWalkedInSortedOrderWithMixedFormats) {
  write("corpus/b.jsonl", R"({"id":"b1","date":"2019-01-01","text":"x"})"
                          "\n"
                          R"({"id":"b2","date":"2019-01-01","text":"y"})"
                          "\n");
  write("corpus/a.txt", " date 2019-01-01\n\nWire body.\n");
  write("corpus/sub/c.ndjson", R"({"id":"c1","date":"2019-01-01","text":"z"})"
                               "\n");
  write("corpus/sub/d.JSON", R"({"id":"d1","date":"2019-01-01","text":"z"})"
                             "\n");
  write("corpus/z.json", R"({"id":"z1","date":"2019-01-01","text":"z"})"
                         "\n");
  write("corpus/notes.md", "# not an input\n");
  write("corpus/data.csv", "id,text\n");
  Result r = read_all({(dir_ / "corpus").string()});
  EXPECT_TRUE(r.rejects.empty()) << describe(r);
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b1", "b2", "c1", "d1", "z1"}));
  EXPECT_EQ(r.docs[0].origin_file, (dir_ / "corpus" / "a.txt").string());
}

TEST_F(IngestTest, SymlinkCycleIsReportedNotFollowedForever) {
  write("loop/a.jsonl", kGood1 + "\n");
  std::error_code ec;
  fs::create_directory_symlink(dir_ / "loop", dir_ / "loop" / "again", ec);
  if (ec) GTEST_SKIP() << "cannot create symlinks: " << ec.message();
  Result r = read_all({(dir_ / "loop").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_NE(r.rejects[0].reason.find("cycle"), std::string::npos);
}

TEST_F(IngestTest, AutoDetectsUnknownExtensions) {
  std::string json = write("feed.data", "\n  " + kGood1 + "\n" + kGood2 + "\n");
  std::string wire = write("article", "date 2019-01-01\n\nBody.\n");
  Result r = read_all({json, wire});
  ASSERT_EQ(r.docs.size(), 3u) << describe(r);
  EXPECT_EQ(r.docs[0].id, "g1");
  EXPECT_EQ(r.docs[2].id, "article");
  EXPECT_EQ(r.docs[2].text, "Body.\n");
}

TEST_F(IngestTest, ExplicitFormatOverridesTheExtension) {
  std::string path = write("odd.jsonl", kGood1 + "\n" + kGood2 + "\n");
  ReaderOptions opt;
  opt.format = Format::kWire;
  Result r = read_all({path}, opt);
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].id, "odd");
}

// stdin: redirected in-process to a temporary file for the duration of a scope.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& path) : saved_(::dup(0)) {
    EXPECT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  }
  ~StdinFrom() {
    ::dup2(saved_, 0);
    ::close(saved_);
    std::clearerr(stdin);
  }

 private:
  int saved_;
};

TEST_F(IngestTest, StdinJsonLines) {
  std::string path = write("in.jsonl", "  " + kGood1 + "\n{oops\n");
  StdinFrom redirect(path);
  Result r = read_all({"-"});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].origin_file, "<stdin>");
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].file, "<stdin>");
  EXPECT_EQ(r.rejects[0].line, 2u);
}

TEST_F(IngestTest, StdinWire) {
  std::string path = write("in.txt", kWireArticle);
  StdinFrom redirect(path);
  Result r = read_all({"-"});
  ASSERT_EQ(r.docs.size(), 1u) << describe(r);
  EXPECT_EQ(r.docs[0].id, "stdin");
  EXPECT_EQ(r.docs[0].origin_file, "<stdin>");
  EXPECT_EQ(r.docs[0].date, "2021-03-04");
}

// ---------------------------------------------------------------- real corpora

TEST(IngestCorpus, Reuters21578ReadsCompletely) {
  fs::path p = fs::path(DYAD_SHARED_DIR) / "corpora" / "reuters21578.jsonl";
  if (!fs::exists(p)) GTEST_SKIP() << p << " not present";
  Result r = read_all({p.string()});
  EXPECT_EQ(r.docs.size(), 19779u);
  EXPECT_TRUE(r.rejects.empty()) << describe(r).substr(0, 2000);
  EXPECT_TRUE(r.warnings.empty());
  size_t with_dateline = 0;
  for (const auto& d : r.docs) with_dateline += d.dateline.has_value();
  EXPECT_GT(with_dateline, 19000u);
}

TEST(IngestCorpus, BbcNullDatesStillCode) {
  fs::path p = fs::path(DYAD_SHARED_DIR) / "corpora" / "bbc_politics.jsonl";
  if (!fs::exists(p)) GTEST_SKIP() << p << " not present";
  Result r = read_all({p.string()});
  EXPECT_EQ(r.docs.size(), 417u);
  EXPECT_TRUE(r.rejects.empty());
  EXPECT_EQ(r.warnings.size(), r.docs.size());
}

}  // namespace
}  // namespace dyad::ingest
