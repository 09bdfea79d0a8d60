#pragma once
// What is wrong with a TopologySpec: every problem found, not only the first.
#include <stdexcept>
#include <string>
#include <vector>

#include "models/network/params.hpp"

namespace sovcap::network {

class TopologyError : public std::runtime_error {
 public:
  explicit TopologyError(std::vector<std::string> messages);
  // One message per problem, each naming the node or link id.
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

// Every problem in spec (empty if none), in node then link order, so callers
// such as the config loader can report them with their own file positions.
std::vector<std::string> topology_errors(const TopologySpec& spec);

}  // namespace sovcap::network
