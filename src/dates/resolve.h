// Dates stage: the day an event happened, from the sentence's own date expression ("on July 10",
// "on Monday", "yesterday", "last week") resolved against the publication day.
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "text/text.h"

namespace dyad::dates {

// The first date expression of the sentence, resolved; nullopt when the sentence has none or
// it cannot be resolved (a relative expression without a publication day).
std::optional<int32_t> sentence_day(const text::TokenBuffer& tokens,
                                    std::optional<int32_t> publication_day);

}  // namespace dyad::dates
