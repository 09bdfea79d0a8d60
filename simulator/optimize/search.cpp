#include "simulator/optimize/search.hpp"

#include <fmt/format.h>

#include <iostream>
#include <pagmo/algorithm.hpp>
#include <pagmo/algorithms/moead.hpp>
#include <pagmo/algorithms/nsga2.hpp>
#include <pagmo/bfe.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>

#include "simulator/optimize/scoring.hpp"

namespace sovcap::optimize {
namespace {

struct State {
  const Spec* spec;
  Evaluator* eval;
  std::vector<size_t> order;
  long generation = 0;
  SearchResult result;

  std::vector<std::string> texts(const pagmo::vector_double& x) const {
    std::vector<std::string> t(spec->variables.size());
    for (size_t i = 0; i < order.size(); ++i) t[order[i]] = spec->variables[order[i]].text(x[i]);
    return t;
  }

  std::vector<pagmo::vector_double> score(const std::vector<pagmo::vector_double>& xs) {
    std::vector<std::vector<std::string>> designs;
    for (const auto& x : xs) designs.push_back(texts(x));
    auto scores = eval->evaluate(designs, "screening", generation);
    std::vector<pagmo::vector_double> out;
    for (auto& s : scores) {
      out.push_back(search_vector(spec->objectives, s.objectives, s.violation));
      if (static_cast<size_t>(s.design) >= result.designs.size()) {
        result.designs.resize(static_cast<size_t>(s.design) + 1);
        result.generation_of.resize(static_cast<size_t>(s.design) + 1, -1);
      }
      if (result.generation_of[static_cast<size_t>(s.design)] < 0) {
        result.generation_of[static_cast<size_t>(s.design)] = generation;
        result.designs[static_cast<size_t>(s.design)] = std::move(s);
      }
    }
    return out;
  }
};

struct Udp {
  State* st = nullptr;
  pagmo::vector_double fitness(const pagmo::vector_double& x) const { return st->score({x}).front(); }
  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const {
    pagmo::vector_double lo, hi;
    for (size_t i : st->order) {
      lo.push_back(st->spec->variables[i].min);
      hi.push_back(st->spec->variables[i].max);
    }
    return {lo, hi};
  }
  pagmo::vector_double::size_type get_nobj() const { return st->spec->objectives.size(); }
  pagmo::vector_double::size_type get_nix() const {
    if (st->spec->algorithm != "nsga2") return 0;  // MOEA/D is continuous: the texts round
    size_t n = 0;
    for (const auto& v : st->spec->variables) n += v.kind != Variable::Kind::real;
    return n;
  }
  std::string get_name() const { return "sovcap design"; }
};

struct Bfe {
  State* st = nullptr;
  pagmo::vector_double operator()(const pagmo::problem& p, const pagmo::vector_double& dvs) const {
    size_t n = p.get_nx();
    std::vector<pagmo::vector_double> xs;
    for (size_t i = 0; i + n <= dvs.size(); i += n) xs.emplace_back(dvs.begin() + static_cast<long>(i), dvs.begin() + static_cast<long>(i + n));
    pagmo::vector_double out;
    for (auto& f : st->score(xs)) out.insert(out.end(), f.begin(), f.end());
    return out;
  }
  std::string get_name() const { return "sovcap sweep runner"; }
};

}  // namespace

std::vector<size_t> pagmo_order(const Spec& spec) {
  std::vector<size_t> o;
  for (size_t i = 0; i < spec.variables.size(); ++i)
    if (spec.variables[i].kind == Variable::Kind::real) o.push_back(i);
  for (size_t i = 0; i < spec.variables.size(); ++i)
    if (spec.variables[i].kind != Variable::Kind::real) o.push_back(i);
  return o;
}

SearchResult run_search(const Spec& spec, Evaluator& evaluator, bool quiet) {
  State st{&spec, &evaluator, pagmo_order(spec), 0, {}};
  pagmo::problem prob{Udp{&st}};
  pagmo::bfe bfe{Bfe{&st}};
  auto seed = static_cast<unsigned>(spec.seed);
  auto report = [&](const pagmo::population&) {
    if (quiet) return;
    long feasible = 0;
    for (const auto& s : st.result.designs) feasible += s.design >= 0 && s.feasible();
    std::cout << fmt::format("generation {}/{}: {} designs scored ({} feasible), {} runs", st.generation, spec.generations,
                             st.result.designs.size(), feasible, evaluator.runs_done())
              << std::endl;
  };
  st.generation = 0;
  pagmo::population pop(prob, bfe, static_cast<pagmo::population::size_type>(spec.population), seed);
  report(pop);
  pagmo::algorithm algo;
  if (spec.algorithm == "moead") {
    auto neighbours = static_cast<unsigned>(std::min<long>(20, spec.population - 1));
    algo = pagmo::algorithm{pagmo::moead(1u, "low discrepancy", "tchebycheff", neighbours, 1.0, 0.5, 20., 0.9, 2u, true, seed)};
  } else {
    double m = 1.0 / static_cast<double>(spec.variables.size());
    pagmo::nsga2 n(1u, 0.95, 10., m, 50., seed);
    n.set_bfe(bfe);
    algo = pagmo::algorithm{n};
  }
  for (long g = 1; g <= spec.generations; ++g) {
    st.generation = g;
    pop = algo.evolve(pop);
    report(pop);
  }
  return std::move(st.result);
}

}  // namespace sovcap::optimize
